using MaxK.Graphs.Synthetic;

namespace MaxK.Datasets.Synthetic;

/// <summary>Standard normal samples by the Box–Muller transform: two independent N(0, 1) values per call.</summary>
internal static class Gaussian
{
    public static (double, double) NextPair(ref Xoshiro256StarStar rng)
    {
        var u1 = 1.0 - rng.NextDouble(); // (0, 1], so the log is finite
        var u2 = rng.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * u2);
        return (radius * cos, radius * sin);
    }
}
