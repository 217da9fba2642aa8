namespace MaxK.Training.Timing;

/// <summary>
/// Accumulates the time spent in each <see cref="TrainingPhase"/> during one epoch. Phases nest freely as long as
/// each <see cref="Begin"/> is closed by disposing its token; a phase's total is the sum of its intervals. The CPU
/// implementation reads a stopwatch; a CUDA implementation records events on the stream at Begin/End and resolves
/// them in <see cref="EndEpoch"/> (one synchronisation per epoch), so callers never synchronise themselves.
/// </summary>
public interface IPhaseTimer
{
    /// <summary>Starts timing <paramref name="phase"/>; dispose the token to stop.</summary>
    PhaseToken Begin(TrainingPhase phase);

    /// <summary>Starts an epoch: clears the accumulated phases and starts the epoch clock.</summary>
    void BeginEpoch();

    /// <summary>Ends the epoch and returns its wall time and per-phase totals (milliseconds).</summary>
    EpochTiming EndEpoch();

    /// <summary>Stops an interval opened by <see cref="Begin"/> (called by <see cref="PhaseToken.Dispose"/>).</summary>
    void End(TrainingPhase phase, long startTicks);
}

/// <summary>An open phase interval; disposing it closes the interval.</summary>
public readonly struct PhaseToken(IPhaseTimer? timer, TrainingPhase phase, long startTicks) : IDisposable
{
    public void Dispose() => timer?.End(phase, startTicks);
}

/// <summary>One epoch's wall time and per-phase totals in milliseconds.</summary>
/// <param name="EpochMs">Wall time of the whole epoch (forward, backward, optimizer).</param>
/// <param name="PhaseMs">Milliseconds per phase; every phase is present (0 when unused).</param>
public sealed record EpochTiming(double EpochMs, IReadOnlyDictionary<TrainingPhase, double> PhaseMs)
{
    /// <summary>
    /// The epoch's timing from the measured phases (indexed by <see cref="TrainingPhase"/>; the dense slot is ignored):
    /// <see cref="TrainingPhase.DenseLayers"/> becomes the time no other phase claimed, so the phases add up to the epoch.
    /// </summary>
    public static EpochTiming WithDenseRemainder(double epochMs, ReadOnlySpan<double> measuredMs)
    {
        var phases = Enum.GetValues<TrainingPhase>();
        var claimed = 0.0;
        foreach (var phase in phases)
        {
            if (phase != TrainingPhase.DenseLayers)
                claimed += measuredMs[(int)phase];
        }
        var ms = new Dictionary<TrainingPhase, double>(phases.Length);
        foreach (var phase in phases)
            ms[phase] = phase == TrainingPhase.DenseLayers ? Math.Max(0, epochMs - claimed) : measuredMs[(int)phase];
        return new EpochTiming(epochMs, ms);
    }

    /// <summary>Share of the epoch spent in aggregation forward + backward (p of Amdahl's law).</summary>
    public double AggregationShare => EpochMs <= 0 ? 0
        : (PhaseMs[TrainingPhase.AggregationForward] + PhaseMs[TrainingPhase.AggregationBackward]) / EpochMs;
}
