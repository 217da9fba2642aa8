using MaxK.Harness.Verification;

namespace MaxK.Harness.Kernels;

/// <summary>The output check every row-sampled GPU case shares.</summary>
public static class GpuChecks
{
    /// <summary>
    /// All outputs finite (none left NaN from the poison), and the relative error of the sampled rows against
    /// <paramref name="expectedRows"/> (NaN when any output is not finite, which fails the check), within <paramref name="tolerance"/>.
    /// </summary>
    public static VerificationResult CheckRows(float[] actual, int width, float[] expectedRows, string reference, RowSample sample, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(sample);
        var nonFinite = 0L;
        Parallel.For(0, (actual.Length + (1 << 20) - 1) >> 20, () => 0L, (block, _, count) =>
        {
            var end = Math.Min(actual.Length, (block + 1) << 20);
            for (var i = block << 20; i < end; i++)
            {
                if (!float.IsFinite(actual[i]))
                    count++;
            }
            return count;
        }, count => Interlocked.Add(ref nonFinite, count));
        var error = nonFinite > 0 ? double.NaN : MaxK.Verification.RelativeError.Compute(sample.Gather(actual, width), expectedRows);
        var text = $"{reference} on {sample.Description}; all {actual.LongLength:N0} outputs written (NaN-poisoned first)"
            + (nonFinite > 0 ? $": {nonFinite:N0} NOT finite" : "");
        return new VerificationResult(text, error, tolerance);
    }
}
