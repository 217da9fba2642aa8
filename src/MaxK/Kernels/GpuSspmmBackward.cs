using MaxK.Formats;
using MaxK.Interop;
using MaxK.Native;

namespace MaxK.Kernels;

/// <summary>
/// The MaxK backward SSpMM on the GPU (<c>mxk_sspmm_backward</c>): grad_Xs[c, s] = Σ over edges (r → c) of
/// w(e) · grad_Y[r, idx(c, s)], i.e. (Aᵀ · grad_Y) sampled at the forward's CBSR pattern, computed from the forward
/// CSR (no transpose), so correct for non-symmetric A. grad_Xs (columns × k float32, CBSR value layout) is zeroed by
/// the call itself; float atomics make the last bits order-dependent. Enqueued on the legacy default stream.
/// </summary>
public static class GpuSspmmBackward
{
    public const string NativeName = "mxk_sspmm_backward";

    /// <summary>Computes the gradient of <paramref name="pattern"/>'s values into <paramref name="gradValues"/>.</summary>
    /// <param name="a">The forward's partition (of A, not Aᵀ).</param>
    /// <param name="gradY">dL/dY: N × D float32, row-major (D = <paramref name="pattern"/>.Dim).</param>
    /// <param name="pattern">The forward's CBSR; only its indices are read.</param>
    /// <param name="gradValues">Output: columns × k float32.</param>
    /// <param name="tuning">Launch tuning, or null for the defaults.</param>
    public static void Run(GpuPartition a, DeviceBuffer gradY, DeviceCbsr pattern, DeviceBuffer gradValues, MxkTuning? tuning = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Rows != a.Columns)
            throw new OperandShapeMismatchException($"The CBSR pattern must have as many rows as A has columns ({a.Columns}), has {pattern.Rows}.");
        DevicePointers.RequireBytes(gradY, 4L * a.Rows * pattern.Dim, nameof(gradY), $"N × D = {a.Rows} × {pattern.Dim} floats");
        DevicePointers.RequireBytes(gradValues, 4L * pattern.Rows * pattern.K, nameof(gradValues), $"columns × k = {pattern.Rows} × {pattern.K} floats");
        Run(a, gradY.Pointer, pattern.Indices.Pointer, pattern.IndexWidth, pattern.K, pattern.Dim, gradValues.Pointer, tuning);
        GC.KeepAlive(gradY);
        GC.KeepAlive(pattern);
        GC.KeepAlive(gradValues);
    }

    /// <summary>Raw form: grad_Y N × D floats, pattern indices columns × k of <paramref name="width"/> bytes, grad_Xs columns × k floats.</summary>
    public static unsafe void Run(GpuPartition a, IntPtr gradY, IntPtr xIndices, CbsrIndexWidth width, int k, int dim, IntPtr gradXs, MxkTuning? tuning = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        MaxkShapeLimits.CheckProduct(NativeName, dim, k, width);
        DevicePointers.RequireAligned(gradY, nameof(gradY));
        DevicePointers.RequireCbsrIndices(xIndices, width, nameof(xIndices));
        DevicePointers.RequireCbsrValues(gradXs, nameof(gradXs));
        var t = tuning.GetValueOrDefault();
        var status = MaxkNativeMethods.mxk_sspmm_backward(
            a.Handle, a.Csr.ColumnIndices, a.Csr.Values, a.Columns, gradY, xIndices, (int)width, k, dim, gradXs,
            tuning.HasValue ? &t : null, CudaRuntime.DefaultStream);
        GC.KeepAlive(a);
        MaxkNative.Check(status, NativeName);
    }
}
