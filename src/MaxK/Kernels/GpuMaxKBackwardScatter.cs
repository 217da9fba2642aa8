using MaxK.Formats;
using MaxK.Interop;
using MaxK.Native;

namespace MaxK.Kernels;

/// <summary>
/// The MaxK nonlinearity's backward on the GPU (<c>mxk_maxk_backward_scatter</c>): grad_dense[i, idx(i, s)] =
/// grad_values[i, s] and 0 everywhere else; all N × D elements are written. Enqueued on the legacy default stream.
/// </summary>
public static class GpuMaxKBackwardScatter
{
    public const string NativeName = "mxk_maxk_backward_scatter";

    /// <summary>Scatters <paramref name="gradValues"/> (N × k floats) through <paramref name="pattern"/>'s indices into <paramref name="gradDense"/> (N × D floats).</summary>
    public static void Run(DeviceBuffer gradValues, DeviceCbsr pattern, DeviceBuffer gradDense)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        DevicePointers.RequireBytes(gradValues, 4L * pattern.Rows * pattern.K, nameof(gradValues), $"N × k = {pattern.Rows} × {pattern.K} floats");
        DevicePointers.RequireBytes(gradDense, 4L * pattern.Rows * pattern.Dim, nameof(gradDense), $"N × D = {pattern.Rows} × {pattern.Dim} floats");
        Run(gradValues.Pointer, pattern.Indices.Pointer, pattern.IndexWidth, pattern.Rows, pattern.K, pattern.Dim, gradDense.Pointer);
        GC.KeepAlive(gradValues);
        GC.KeepAlive(pattern);
        GC.KeepAlive(gradDense);
    }

    /// <summary>Raw form: grad_values N × k floats, indices N × k of <paramref name="width"/> bytes, grad_dense N × D floats.</summary>
    public static void Run(IntPtr gradValues, IntPtr indices, CbsrIndexWidth width, int rows, int k, int dim, IntPtr gradDense)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        MaxkShapeLimits.CheckScatter(dim, k, width);
        DevicePointers.RequireCbsrValues(gradValues, nameof(gradValues));
        DevicePointers.RequireCbsrIndices(indices, width, nameof(indices));
        DevicePointers.RequireAligned(gradDense, nameof(gradDense));
        MaxkNative.Check(
            MaxkNativeMethods.mxk_maxk_backward_scatter(gradValues, indices, (int)width, rows, k, dim, gradDense, CudaRuntime.DefaultStream),
            NativeName);
    }
}
