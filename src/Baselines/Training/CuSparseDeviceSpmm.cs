using System.Globalization;
using MaxK.Baselines.CuSparse;
using MaxK.Interop;
using MaxK.Training.Aggregation;

namespace MaxK.Baselines.Training;

/// <summary>
/// The cuSPARSE baseline of a ReLU layer: Y = A·X and dX = Aᵀ·dY with cusparseSpMM on row-major features. For each
/// direction both CSR_ALG2 and CSR_ALG3 are built (ALG3 preprocessed once) and timed on scratch inputs with CUDA events
/// (2 warm-ups, median of 5); the faster one is kept (platform.md: a fair baseline sweeps both). The one-off set-up is
/// not part of any epoch.
/// </summary>
public static class CuSparseDeviceSpmm
{
    /// <summary>Times both algorithms per direction on scratch inputs and keeps the faster.</summary>
    public static IDeviceSpmm Create(CudaGraphState graph, int width)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        using var x = DeviceBuffer.Allocate<float>((long)n * width);
        using var y = DeviceBuffer.Allocate<float>((long)n * width);
        CudaRuntime.Check(CudaRuntime.cudaMemset(x.Pointer, 0, (nuint)x.ByteLength), "cudaMemset");
        var (forward, forwardNote) = Fastest(graph.Adjacency.View, width, x, y);
        try
        {
            var (backward, backwardNote) = Fastest(graph.Transposed.View, width, x, y);
            return new PairedDeviceSpmm(width, $"cusparse forward {forwardNote}; backward (explicit Aᵀ) {backwardNote}",
                forward.Run, backward.Run, forward, backward);
        }
        catch
        {
            forward.Dispose();
            throw;
        }
    }

    private static (CuSparseSpmm Spmm, string Note) Fastest(DeviceCsrView matrix, int width, DeviceBuffer x, DeviceBuffer y)
    {
        var timer = new CudaEventTimer(warmupRuns: 2, timedRuns: 5);
        var alg2 = new CuSparseSpmm(matrix, width, CuSparseSpmmAlgorithm.CsrAlg2, x.Pointer, y.Pointer);
        var alg2Ms = Median(timer.Time(() => alg2.Run(x.Pointer, y.Pointer)));
        CuSparseSpmm? alg3 = null;
        double? alg3Ms = null;
        try
        {
            alg3 = new CuSparseSpmm(matrix, width, CuSparseSpmmAlgorithm.CsrAlg3, x.Pointer, y.Pointer);
            alg3.Preprocess();
            alg3Ms = Median(timer.Time(() => alg3.Run(x.Pointer, y.Pointer)));
        }
        catch (CuSparseException)
        {
            // ALG3 rejects some graphs (e.g. a row longer than N); ALG2 then stands alone.
            alg3?.Dispose();
            alg3 = null;
        }
        var alg3Text = alg3Ms is { } a3 ? string.Create(CultureInfo.InvariantCulture, $"{a3:F3}") : "n/a";
        var times = string.Create(CultureInfo.InvariantCulture, $"(ALG2 {alg2Ms:F3} ms, ALG3 {alg3Text} ms)");
        if (alg3 is not null && alg3Ms < alg2Ms)
        {
            alg2.Dispose();
            return (alg3, "CSR_ALG3 " + times);
        }
        alg3?.Dispose();
        return (alg2, "CSR_ALG2 " + times);
    }

    private static double Median(double[] samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
