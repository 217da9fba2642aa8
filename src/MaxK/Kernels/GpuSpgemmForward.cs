using MaxK.Formats;
using MaxK.Interop;
using MaxK.Native;

namespace MaxK.Kernels;

/// <summary>
/// The MaxK forward SpGEMM on the GPU (<c>mxk_spgemm_forward</c>): Y = A · X with X in CBSR form, i.e.
/// Y[r, :] = Σ over row r's edges e of w(e) · scatter(X values and indices of row col(e)). Y (N × D float32, row-major)
/// is written completely, so it need not be zeroed. Enqueued on the legacy default stream.
/// </summary>
public static class GpuSpgemmForward
{
    public const string NativeName = "mxk_spgemm_forward";

    /// <summary>Y = A · X for the graph <paramref name="a"/> was built for.</summary>
    /// <exception cref="OperandShapeMismatchException">X's rows differ from A's columns, or Y holds fewer than N × D floats.</exception>
    /// <exception cref="MaxkNativeException">An unsupported shape (D not a multiple of 32 in [32, 4,096], k &gt; min(256, D),
    /// uint8 indices with D &gt; 256) or a native failure.</exception>
    public static void Run(GpuPartition a, DeviceCbsr x, DeviceBuffer y, MxkTuning? tuning = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows != a.Columns)
            throw new OperandShapeMismatchException($"X must have as many rows as A has columns ({a.Columns}), has {x.Rows}.");
        DevicePointers.RequireBytes(y, 4L * a.Rows * x.Dim, nameof(y), $"N × D = {a.Rows} × {x.Dim} floats");
        Run(a, x.Values.Pointer, x.Indices.Pointer, x.IndexWidth, x.K, x.Dim, y.Pointer, tuning);
        GC.KeepAlive(x);
        GC.KeepAlive(y);
    }

    /// <summary>
    /// Raw form: X values (columns × k floats) and indices (columns × k of <paramref name="width"/> bytes), Y N × D floats,
    /// 16-byte aligned. Values 16-byte and indices 4/8-byte aligned with k % 4 == 0 take the vector path.
    /// </summary>
    public static unsafe void Run(GpuPartition a, IntPtr xValues, IntPtr xIndices, CbsrIndexWidth width, int k, int dim, IntPtr y, MxkTuning? tuning = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        MaxkShapeLimits.CheckProduct(NativeName, dim, k, width);
        DevicePointers.RequireCbsrValues(xValues, nameof(xValues));
        DevicePointers.RequireCbsrIndices(xIndices, width, nameof(xIndices));
        DevicePointers.RequireAligned(y, nameof(y));
        var t = tuning.GetValueOrDefault();
        var status = MaxkNativeMethods.mxk_spgemm_forward(
            a.Handle, a.Csr.ColumnIndices, a.Csr.Values, a.Columns, xValues, xIndices, (int)width, k, dim, y,
            tuning.HasValue ? &t : null, CudaRuntime.DefaultStream);
        GC.KeepAlive(a);
        MaxkNative.Check(status, NativeName);
    }
}
