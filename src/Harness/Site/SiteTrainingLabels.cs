using MaxK.Harness.Vocabulary;
using MaxK.Harness.Results;

namespace MaxK.Harness.Site;

/// <summary>
/// How the site names and groups a <see cref="TrainingRecord"/>: whether it is a MaxK run, its short label, the
/// setting it shares with its baselines and its phase breakdown in chart order.
/// </summary>
public static class SiteTrainingLabels
{
    /// <summary>
    /// Runs shorter than this many epochs trained for timing only (the suites' timing sections run 13 epochs, far from
    /// converged); the site does not compare their accuracy.
    /// </summary>
    public const int MinEpochsForAccuracy = 50;

    extension(TrainingRecord r)
    {
        /// <summary>The test metric when the run trained at least <see cref="MinEpochsForAccuracy"/> epochs, else null.</summary>
        public double? ComparableAccuracy => r.Epochs >= MinEpochsForAccuracy ? r.TestAccuracy : null;

        /// <summary>True for a MaxK run (nonlinearity "maxk").</summary>
        public bool IsMaxk => string.Equals(r.Nonlinearity, "maxk", StringComparison.Ordinal);

        /// <summary>Short human name, e.g. "maxk k=16 · maxk" or "relu · cusparse".</summary>
        public string ShortLabel => (r.IsMaxk ? $"maxk k={r.K}" : r.Nonlinearity) + " · " + r.Backend;

        /// <summary>The setting a MaxK run shares with its baselines: dataset, model, hidden, layers, seed.</summary>
        public string SettingKey => $"{r.Dataset}|{r.Model}|{r.Hidden}|{r.Layers}|{r.Seed}";

        /// <summary>The record's phase_ms_median as <see cref="SitePhaseTimes"/> (missing phases 0), or null when it has none.</summary>
        public SitePhaseTimes? Phases => SitePhaseTimes.From(r.PhaseMsMedian);
    }
}
