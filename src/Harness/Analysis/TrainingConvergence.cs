using MaxK.Harness.Vocabulary;
using MaxK.Harness.Results;

namespace MaxK.Harness.Analysis;

/// <summary>Whether a training run's test metric can stand for the model's accuracy (<see cref="TrainingConvergence.Of"/>).</summary>
public enum ConvergenceStatus
{
    /// <summary>Trained long enough, clear of chance, no longer improving: its accuracy is comparable.</summary>
    Converged,

    /// <summary>Fewer than <see cref="TrainingConvergence.MinEpochs"/> epochs: a timing run.</summary>
    TimingOnly,

    /// <summary>No test metric recorded (a failed run or a peer that does not report it).</summary>
    NoMetric,

    /// <summary>The best validation metric lies within <see cref="TrainingConvergence.ChanceMargin"/> of chance.</summary>
    NearChance,

    /// <summary>The best validation metric came in the last <see cref="TrainingConvergence.TailFraction"/> of the epochs and beat the earlier best by more than <see cref="TrainingConvergence.MinTailGain"/>.</summary>
    StillImproving,
}

/// <summary>
/// Marks unconverged training runs, so their accuracy is never compared as if it were final. Rules, in order:
/// fewer than 50 epochs → timing only; no test metric → none; best validation metric below chance + 5 % of the way
/// from chance to perfect (chance = 1/classes, 0.5 for ROC-AUC) → near chance; the best validation metric of the last
/// 10 % of the epochs beats the best of the first 90 % by more than 1 % (relative; without a curve: the best epoch in
/// the last 5 %) → still improving; otherwise converged.
/// </summary>
public static class TrainingConvergence
{
    /// <summary>Runs shorter than this trained for timing only (the suites' timing sections run 13 epochs).</summary>
    public const int MinEpochs = 50;

    /// <summary>Near chance: best validation metric below chance + this share of (1 − chance).</summary>
    public const double ChanceMargin = 0.05;

    /// <summary>The tail of the epochs inspected for a still-rising validation metric.</summary>
    public const double TailFraction = 0.10;

    /// <summary>Relative gain of the tail's best over the earlier best that counts as still improving.</summary>
    public const double MinTailGain = 0.01;

    public static ConvergenceStatus Of(TrainingRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Epochs < MinEpochs)
            return ConvergenceStatus.TimingOnly;
        if (r.Error is not null || r.TestAccuracy is null)
            return ConvergenceStatus.NoMetric;
        var chance = r.Metric == "roc_auc" ? 0.5 : r.Classes > 0 ? 1.0 / r.Classes : (double?)null;
        var bestVal = r.BestValAccuracy ?? r.ValCurve?.DefaultIfEmpty(double.NaN).Max();
        if (chance is { } c && bestVal is { } v && double.IsFinite(v) && v < c + (ChanceMargin * (1 - c)))
            return ConvergenceStatus.NearChance;
        if (r.ValCurve is { Count: >= 10 } curve)
        {
            var head = (int)Math.Ceiling(curve.Count * (1 - TailFraction));
            var headBest = curve.Take(head).Max();
            var tailBest = curve.Skip(head).DefaultIfEmpty(double.NegativeInfinity).Max();
            if (tailBest > headBest * (1 + MinTailGain))
                return ConvergenceStatus.StillImproving;
        }
        else if (r.BestEpoch is { } best && best >= r.Epochs * 0.95)
        {
            return ConvergenceStatus.StillImproving;
        }
        return ConvergenceStatus.Converged;
    }

    /// <summary>Words for pages: "converged", "timing only (13 epochs)", "near chance", "still improving at epoch 300".</summary>
    public static string Describe(TrainingRecord r) => Of(r) switch
    {
        ConvergenceStatus.Converged => "converged",
        ConvergenceStatus.TimingOnly => $"timing only ({r.Epochs} epochs)",
        ConvergenceStatus.NoMetric => "no test metric",
        ConvergenceStatus.NearChance => $"unconverged: near chance after {r.Epochs} epochs",
        _ => $"unconverged: still improving at epoch {r.Epochs}",
    };
}
