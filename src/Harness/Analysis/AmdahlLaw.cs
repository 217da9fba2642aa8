namespace MaxK.Harness.Analysis;

/// <summary>
/// Amdahl's law for the end-to-end effect of a faster aggregation: p is the aggregation's share of the baseline
/// epoch, s the aggregation's own speed-up. Limit = 1/(1−p) (s → ∞); prediction = 1/((1−p) + p/s).
/// </summary>
public static class AmdahlLaw
{
    /// <summary>1/(1−p); +∞ for p = 1.</summary>
    public static double Limit(double p)
    {
        CheckFraction(p);
        return 1.0 / (1.0 - p);
    }

    /// <summary>1/((1−p) + p/s) for s &gt; 0.</summary>
    public static double Prediction(double p, double s)
    {
        CheckFraction(p);
        if (!(s > 0) || double.IsInfinity(s))
            throw new ArgumentOutOfRangeException(nameof(s), s, "The kernel speed-up must be positive and finite.");
        return 1.0 / ((1.0 - p) + (p / s));
    }

    private static void CheckFraction(double p)
    {
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, "The aggregation fraction must lie in [0, 1].");
    }
}
