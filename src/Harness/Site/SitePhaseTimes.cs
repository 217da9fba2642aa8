using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site;

/// <summary>Median epoch time per phase in ms as the site charts it (contracts.md: phase_ms_median; the parts add up to the epoch).</summary>
public sealed record SitePhaseTimes
{
    public double AggregationForward { get; init; }
    public double AggregationBackward { get; init; }
    public double MaxkSelection { get; init; }
    public double DenseLayers { get; init; }
    public double Optimizer { get; init; }

    /// <summary>Phase names in stacking order (bottom first), as the charts and tables show them.</summary>
    public static readonly IReadOnlyList<string> Names = ["aggregation forward", "aggregation backward", "MaxK selection", "dense layers", "optimizer"];

    /// <summary>The values in <see cref="Names"/> order.</summary>
    public IReadOnlyList<double> Values => [AggregationForward, AggregationBackward, MaxkSelection, DenseLayers, Optimizer];

    /// <summary>
    /// Reads a record's phase_ms_median (keys aggregation_forward, aggregation_backward, maxk_selection, dense_layers,
    /// optimizer); a missing phase reads as 0, a missing breakdown as null.
    /// </summary>
    public static SitePhaseTimes? From(IReadOnlyDictionary<string, double>? phases) => phases is null ? null : new SitePhaseTimes
    {
        AggregationForward = phases.GetValueOrDefault("aggregation_forward"),
        AggregationBackward = phases.GetValueOrDefault("aggregation_backward"),
        MaxkSelection = phases.GetValueOrDefault("maxk_selection"),
        DenseLayers = phases.GetValueOrDefault("dense_layers"),
        Optimizer = phases.GetValueOrDefault("optimizer"),
    };
}
