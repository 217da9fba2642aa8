using System.Collections.Concurrent;
using MaxK.Graphs.Synthetic;

namespace MaxK.Datasets.Synthetic;

/// <summary>
/// Features of the contextual model: x_v = μ_{y_v} + ε_v with ε_v ~ N(0, I_F) and class means μ_c = s·g_c/‖g_c‖,
/// g_c a standard Gaussian vector (a uniformly random direction). Two class means are then about s·√2 apart, so
/// the features alone separate a pair of classes with error ≈ Φ(−s/√2). Row v draws from its own stream
/// (seed, v): the result is the same for any thread count. float32, row-major N×F.
/// </summary>
public static class ClassMeanFeatures
{
    private const int RowsPerRange = 256;

    /// <summary>The C×F class means (row-major), each of length <paramref name="signalStrength"/>.</summary>
    public static float[] ClassMeans(int classes, int features, double signalStrength, ulong seed)
    {
        var means = new float[classes * features];
        var direction = new double[features];
        for (var c = 0; c < classes; c++)
        {
            var rng = Xoshiro256StarStar.ForStream(seed, (ulong)c);
            double norm2;
            do
            {
                for (var j = 0; j < features; j += 2)
                {
                    var (z0, z1) = Gaussian.NextPair(ref rng);
                    direction[j] = z0;
                    if (j + 1 < features)
                        direction[j + 1] = z1;
                }
                norm2 = direction.Sum(x => x * x);
            } while (norm2 == 0);
            var scale = signalStrength / Math.Sqrt(norm2);
            for (var j = 0; j < features; j++)
                means[c * features + j] = (float)(direction[j] * scale);
        }
        return means;
    }

    /// <summary>N×F features for <paramref name="labels"/> around <paramref name="classMeans"/>, in parallel, times <paramref name="scale"/>.</summary>
    public static float[] Generate(int[] labels, float[] classMeans, int features, ulong seed, double scale = 1) =>
        Generate(labels, classMeans, features, seed, maxThreads: -1, scale);

    internal static float[] Generate(int[] labels, float[] classMeans, int features, ulong seed, int maxThreads, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classMeans);
        var n = labels.Length;
        var x = new float[(long)n * features];
        Parallel.ForEach(Partitioner.Create(0, n, RowsPerRange), new ParallelOptions { MaxDegreeOfParallelism = maxThreads }, range =>
        {
            for (var v = range.Item1; v < range.Item2; v++)
            {
                var rng = Xoshiro256StarStar.ForStream(seed, (ulong)v);
                var row = x.AsSpan((int)((long)v * features), features);
                var mean = classMeans.AsSpan(labels[v] * features, features);
                for (var j = 0; j < features; j += 2)
                {
                    var (z0, z1) = Gaussian.NextPair(ref rng);
                    row[j] = (float)((mean[j] + (float)z0) * scale);
                    if (j + 1 < features)
                        row[j + 1] = (float)((mean[j + 1] + (float)z1) * scale);
                }
            }
        });
        return x;
    }
}
