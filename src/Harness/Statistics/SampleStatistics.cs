namespace MaxK.Harness.Statistics;

/// <summary>
/// Summary of timing samples (milliseconds): n, min, median, mean, max, sample standard deviation and a
/// 95 % confidence interval of the median (distribution-free, from order statistics; empty below n = 6).
/// </summary>
public sealed record SampleStatistics(
    int N, double MinMs, double MedianMs, double MeanMs, double MaxMs, double StdDevMs, double? MedianCi95LowMs, double? MedianCi95HighMs)
{
    public static SampleStatistics From(IReadOnlyList<double> samplesMs)
    {
        if (samplesMs.Count == 0)
            throw new ArgumentException("At least one sample is needed.", nameof(samplesMs));
        var sorted = samplesMs.Order().ToArray();
        var n = sorted.Length;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        var mean = sorted.Average();
        var std = n > 1 ? Math.Sqrt(sorted.Sum(x => (x - mean) * (x - mean)) / (n - 1)) : 0;
        var (lo, hi) = MedianConfidenceRanks(n);
        return new SampleStatistics(n, sorted[0], median, mean, sorted[^1], std,
            lo is null ? null : sorted[lo.Value], hi is null ? null : sorted[hi.Value]);
    }

    /// <summary>0-based ranks (j, k) with P(X(j) ≤ median ≤ X(k)) ≥ 95 %, by the binomial(n, 1/2) tails.</summary>
    internal static (int? Low, int? High) MedianConfidenceRanks(int n)
    {
        if (n < 6)
            return (null, null);
        // Largest j with P(Bin(n, .5) < j) ≤ 2.5 %.
        double cumulative = 0;
        var j = 0;
        for (var i = 0; i <= n; i++)
        {
            var p = Binomial(n, i) / Math.Pow(2, n);
            if (cumulative + p > 0.025)
                break;
            cumulative += p;
            j = i + 1;
        }
        j = Math.Max(j, 1);
        return (j - 1, n - j);
    }

    private static double Binomial(int n, int k)
    {
        double r = 1;
        for (var i = 1; i <= k; i++)
            r = r * (n - k + i) / i;
        return r;
    }
}
