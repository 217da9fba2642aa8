using MaxK.Formats;
using MaxK.Interop;
using MaxK.Native;

namespace MaxK.Kernels;

/// <summary>
/// MaxK selection on the GPU (<c>mxk_maxk_select</c>): keeps the k largest entries of each row of a dense row-major
/// N × D float32 matrix and writes them as CBSR, slot 0 the largest; ties by lower column (the same rule as
/// <see cref="Selection.MaxKSelector"/>); −0 is written as +0. Enqueued on the legacy default stream.
/// </summary>
public static class GpuMaxKSelect
{
    public const string NativeName = "mxk_maxk_select";

    /// <summary>Selects into a new <see cref="DeviceCbsr"/> (index width from D unless given).</summary>
    public static DeviceCbsr Select(DeviceBuffer x, int rows, int dim, int k, CbsrIndexWidth? indexWidth = null)
    {
        var width = indexWidth ?? Cbsr.IndexWidthFor(dim);
        MaxkShapeLimits.CheckSelect(dim, k, width);
        var output = DeviceCbsr.Allocate(rows, dim, k, width);
        try
        {
            Run(x, output);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>Selects the rows of <paramref name="x"/> (<paramref name="output"/>.Rows × .Dim floats) into <paramref name="output"/>.</summary>
    /// <exception cref="OperandShapeMismatchException"><paramref name="x"/> holds fewer than N × D floats.</exception>
    public static void Run(DeviceBuffer x, DeviceCbsr output)
    {
        ArgumentNullException.ThrowIfNull(output);
        DevicePointers.RequireBytes(x, 4L * output.Rows * output.Dim, nameof(x), $"N × D = {output.Rows} × {output.Dim} floats");
        Run(x.Pointer, output.Rows, output.Dim, output.K, output.Values.Pointer, output.Indices.Pointer, output.IndexWidth);
        GC.KeepAlive(x);
        GC.KeepAlive(output);
    }

    /// <summary>Raw form, e.g. for tensor pointers: x N × D floats, values N × k floats, indices N × k of <paramref name="width"/> bytes.</summary>
    /// <exception cref="MaxkNativeException">An unsupported shape (<see cref="MaxkShapeLimits.CheckSelect"/>) or a native failure.</exception>
    public static void Run(IntPtr x, int rows, int dim, int k, IntPtr values, IntPtr indices, CbsrIndexWidth width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        MaxkShapeLimits.CheckSelect(dim, k, width);
        DevicePointers.RequireAligned(x, nameof(x));
        DevicePointers.RequireCbsrValues(values, nameof(values));
        DevicePointers.RequireCbsrIndices(indices, width, nameof(indices));
        MaxkNative.Check(
            MaxkNativeMethods.mxk_maxk_select(x, rows, dim, k, values, indices, (int)width, CudaRuntime.DefaultStream), NativeName);
    }
}
