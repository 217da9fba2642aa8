using System.Globalization;
using MaxK.Interop;
using MaxK.Native;

namespace MaxK.Kernels;

/// <summary>
/// What a set-up trial chose for one kernel on one graph, k, D and GPU: the variant, and the median time of every
/// candidate (ms, CUDA events, warm L2) for the record's config.
/// </summary>
public sealed record MaxKVariantChoice(MaxKKernelVariant Variant, IReadOnlyDictionary<MaxKKernelVariant, double> TrialMedianMs)
{
    public MxkTuning Tuning => Variant.Tuning();

    /// <summary>E.g. "variant row-groups (set-up trial, median ms: row-groups 0.104, warp-per-record 0.171)".</summary>
    public string Describe() => $"variant {Variant.Word()} (set-up trial, median ms: "
        + string.Join(", ", TrialMedianMs.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key.Word()} {e.Value:F4}"))) + ")";
}

/// <summary>
/// Picks the faster MaxK kernel variant for a graph at set-up, the way the cuSPARSE backend picks ALG2 or ALG3: every
/// candidate (<see cref="MaxKKernelVariants.All"/>) runs <see cref="WarmupRuns"/> + <see cref="TimedRuns"/> times on the
/// caller's own inputs, timed with CUDA events (no L2 flush), and the lowest median wins (ties: the first candidate).
/// The caller caches the choice per graph, k, D and GPU and verifies what it then runs; the trial itself checks nothing.
/// The last run leaves the output of the last candidate; callers that need the output run the chosen variant again.
/// </summary>
public static class MaxKVariantTrial
{
    public const int WarmupRuns = 2;
    public const int TimedRuns = 5;

    /// <summary>Times <paramref name="run"/> (the kernel under a given tuning) for each candidate and returns the choice.</summary>
    public static MaxKVariantChoice Choose(Action<MxkTuning> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var timer = new CudaEventTimer(WarmupRuns, TimedRuns);
        var medians = new Dictionary<MaxKKernelVariant, double>();
        foreach (var variant in MaxKKernelVariants.All)
        {
            var tuning = variant.Tuning();
            var samples = timer.Time(() => run(tuning));
            Array.Sort(samples);
            medians[variant] = samples.Length % 2 == 1 ? samples[samples.Length / 2] : 0.5 * (samples[(samples.Length / 2) - 1] + samples[samples.Length / 2]);
        }
        var best = MaxKKernelVariants.All.OrderBy(v => medians[v]).First();
        return new MaxKVariantChoice(best, medians);
    }
}
