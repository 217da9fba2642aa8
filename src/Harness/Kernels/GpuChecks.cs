using MaxK.Harness.Verification;

namespace MaxK.Harness.Kernels;

/// <summary>
/// The contract of every GPU case of the catalogue, and the output check the row-sampled ones share. Each case draws
/// fresh inputs (uniform in [−1, 1), a stream of its own: <see cref="KernelDescriptor.Stream"/>), poisons its output with
/// NaN, runs once and verifies against a CPU reference, and only then times the kernel by the timing protocol (CUDA events
/// on the legacy default stream, L2 flushed before every run, warm-ups included). Verification: selection is compared in
/// full and exactly with MaxKSelector; every other output is checked for NaN everywhere (all N·W elements written) and
/// against the exact CPU reference (double accumulation in CSR order) on <see cref="RowSample"/> rows: all rows of small
/// graphs, 4,096 rows of Reddit-sized ones, including the heaviest and some empty rows. Relative-error tolerance 1e-5
/// (each descriptor's <see cref="KernelDescriptor.Tolerance"/>). Diagnostic floors are timed and never verified.
/// </summary>
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
