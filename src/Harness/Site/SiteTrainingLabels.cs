using MaxK.Harness.Results;

namespace MaxK.Harness.Site;

/// <summary>
/// How the site names and groups a <see cref="TrainingRecord"/>: whether it is a MaxK run, its short label, the
/// setting it shares with its baselines and its phase breakdown in chart order.
/// </summary>
public static class SiteTrainingLabels
{
    extension(TrainingRecord r)
    {
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
