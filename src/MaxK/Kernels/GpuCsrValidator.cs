using MaxK.Interop;
using MaxK.Native;

namespace MaxK.Kernels;

/// <summary>Checks a CSR in device memory with <c>mxk_csr_validate</c> (a device pass; synchronises the default stream).</summary>
public static class GpuCsrValidator
{
    /// <summary>The C function, as error messages name it.</summary>
    public const string NativeName = "mxk_csr_validate";

    /// <summary>
    /// Throws <see cref="MaxkNativeException"/> (MXK_ERR_INVALID_ARGUMENT naming the first problem) unless row offsets
    /// start at 0, never decrease and end at E, every column index lies in [0, columns), and, when
    /// <paramref name="checkValues"/>, every value is finite.
    /// </summary>
    public static void Validate(DeviceCsrView csr, bool checkValues = true)
    {
        GpuPartition.Validate(csr, GpuPartition.DefaultMaxChunk);
        MaxkNative.Check(
            MaxkNativeMethods.mxk_csr_validate(
                csr.RowOffsets, csr.ColumnIndices, csr.Values, (int)csr.Rows, (int)csr.Columns, (int)csr.NonZeros, checkValues ? 1 : 0,
                CudaRuntime.DefaultStream),
            NativeName);
    }

    /// <summary><see cref="Validate(DeviceCsrView, bool)"/> for an owned upload.</summary>
    public static void Validate(DeviceCsr csr, bool checkValues = true)
    {
        ArgumentNullException.ThrowIfNull(csr);
        Validate(csr.View, checkValues);
        GC.KeepAlive(csr);
    }
}
