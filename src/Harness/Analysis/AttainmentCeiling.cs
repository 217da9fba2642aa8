namespace MaxK.Harness.Analysis;

/// <summary>
/// The share of the Amdahl limit a MaxK training epoch would reach if every aggregation call ran at the loads-only floor
/// of the kernels (the diagnostic <c>maxk_forward_floor</c> and <c>maxk_backward_floor</c> cases), the dense layers,
/// selection and optimizer staying as measured:
/// <code>
/// floor_epoch_ms     = epoch_ms − aggregation_forward_ms − aggregation_backward_ms + layers × (floor_forward_ms + floor_backward_ms)
/// limit_epoch_ms     = baseline_epoch_ms × (1 − p)          (the epoch at the Amdahl limit: aggregation free)
/// attainment_ceiling = limit_epoch_ms / floor_epoch_ms
/// </code>
/// The measured epoch's share of this ceiling, <see cref="MeasuredShare"/> = floor_epoch_ms / epoch_ms (equal to the measured
/// attainment over the ceiling), is end-to-end goal (a) (<see cref="EndToEndGoals.CeilingShareTarget"/>): nothing lost
/// outside the kernels. All times are medians in ms; p is the baseline's aggregation fraction. Inputs are kept so that
/// every printed figure can be traced.
/// </summary>
public sealed record AttainmentCeiling
{
    /// <summary>The MaxK run's median epoch.</summary>
    public required double EpochMs { get; init; }

    /// <summary>The MaxK run's median aggregation-forward phase (phase_ms_median.aggregation_forward).</summary>
    public required double AggregationForwardMs { get; init; }

    /// <summary>The MaxK run's median aggregation-backward phase.</summary>
    public required double AggregationBackwardMs { get; init; }

    /// <summary>Graph layers: aggregation calls per epoch in each direction.</summary>
    public required int Layers { get; init; }

    /// <summary>Median of the forward floor case at the run's k and hidden width.</summary>
    public required double FloorForwardMs { get; init; }

    /// <summary>Median of the backward floor case.</summary>
    public required double FloorBackwardMs { get; init; }

    /// <summary>The ReLU baseline's median epoch.</summary>
    public required double BaselineEpochMs { get; init; }

    /// <summary>p: the baseline's aggregation fraction.</summary>
    public required double BaselineAggregationFraction { get; init; }

    /// <summary>The kernel graph whose floor cases stand for the training dataset (<see cref="FloorGraphs"/>).</summary>
    public string? FloorGraph { get; init; }

    /// <summary>Ids of the floor cases used.</summary>
    public string? FloorForwardCase { get; init; }
    public string? FloorBackwardCase { get; init; }

    /// <summary>The epoch with every aggregation call at the floor.</summary>
    public double FloorEpochMs => FloorEpoch(EpochMs, AggregationForwardMs, AggregationBackwardMs, Layers, FloorForwardMs, FloorBackwardMs);

    /// <summary>The epoch at the Amdahl limit: the baseline without its aggregation, baseline × (1 − p).</summary>
    public double LimitEpochMs => BaselineEpochMs * (1 - BaselineAggregationFraction);

    /// <summary><see cref="LimitEpochMs"/> / <see cref="FloorEpochMs"/>: the highest attainment of the Amdahl limit this design allows.</summary>
    public double Ceiling => Of(EpochMs, AggregationForwardMs, AggregationBackwardMs, Layers, FloorForwardMs, FloorBackwardMs, BaselineEpochMs, BaselineAggregationFraction);

    /// <summary>
    /// <see cref="FloorEpochMs"/> / <see cref="EpochMs"/>: how close the measured epoch comes to the epoch this design allows
    /// (= measured attainment / <see cref="Ceiling"/>); goal (a) asks for at least <see cref="EndToEndGoals.CeilingShareTarget"/>.
    /// </summary>
    public double MeasuredShare => FloorEpochMs / EpochMs;

    /// <summary>epoch − aggregation forward − aggregation backward + layers × (floor forward + floor backward).</summary>
    public static double FloorEpoch(double epochMs, double aggregationForwardMs, double aggregationBackwardMs, int layers, double floorForwardMs, double floorBackwardMs)
    {
        if (layers < 1)
            throw new ArgumentOutOfRangeException(nameof(layers), layers, "A model has at least one graph layer.");
        return epochMs - aggregationForwardMs - aggregationBackwardMs + (layers * (floorForwardMs + floorBackwardMs));
    }

    /// <summary>(baseline epoch × (1 − p)) / floor epoch; the pure function behind <see cref="Ceiling"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p outside [0, 1], or a floor epoch that is not positive.</exception>
    public static double Of(double epochMs, double aggregationForwardMs, double aggregationBackwardMs, int layers, double floorForwardMs, double floorBackwardMs,
        double baselineEpochMs, double baselineAggregationFraction)
    {
        if (!(baselineAggregationFraction >= 0 && baselineAggregationFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(baselineAggregationFraction), baselineAggregationFraction, "The aggregation fraction must lie in [0, 1].");
        var floor = FloorEpoch(epochMs, aggregationForwardMs, aggregationBackwardMs, layers, floorForwardMs, floorBackwardMs);
        if (!(floor > 0))
            throw new ArgumentOutOfRangeException(nameof(epochMs), floor, "The floor epoch must be positive (phases larger than the epoch?).");
        return baselineEpochMs * (1 - baselineAggregationFraction) / floor;
    }

    /// <summary>One line naming every input, e.g. for <c>maxk analyze</c>.</summary>
    public string Explain()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return string.Create(inv, $"measured epoch at {MeasuredShare:P0} of the floor-based ceiling (goal {EndToEndGoals.CeilingShareTarget:P0}); ceiling {Ceiling:P0} of the Amdahl limit = baseline {BaselineEpochMs:F2} ms × (1 − p {BaselineAggregationFraction:F3}) = {LimitEpochMs:F2} ms / floor epoch {FloorEpochMs:F2} ms; ")
            + string.Create(inv, $"floor epoch = epoch {EpochMs:F2} − agg fwd {AggregationForwardMs:F2} − agg bwd {AggregationBackwardMs:F2} + {Layers} layers × ")
            + string.Create(inv, $"(floor fwd {FloorForwardMs:F3} + floor bwd {FloorBackwardMs:F3} ms") + (FloorGraph is null ? ")" : $" on {FloorGraph})");
    }
}
