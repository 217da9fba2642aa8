using System.Diagnostics;

namespace MaxK.Training.Timing;

/// <summary>
/// CPU phase timer on <see cref="Stopwatch"/>. Every CPU backend runs synchronously, so host time is the phase's
/// time. <see cref="TrainingPhase.DenseLayers"/> is derived: the forward+backward time that no other phase
/// (except the optimizer) claimed, so the phases add up to the epoch. Not thread-safe (one epoch at a time).
/// </summary>
public sealed class StopwatchPhaseTimer : IPhaseTimer
{
    private readonly double[] _ms = new double[Enum.GetValues<TrainingPhase>().Length];
    private long _epochStart;

    public PhaseToken Begin(TrainingPhase phase) => new(this, phase, Stopwatch.GetTimestamp());

    public void End(TrainingPhase phase, long startTicks) =>
        _ms[(int)phase] += Stopwatch.GetElapsedTime(startTicks).TotalMilliseconds;

    public void BeginEpoch()
    {
        Array.Clear(_ms);
        _epochStart = Stopwatch.GetTimestamp();
    }

    public EpochTiming EndEpoch()
    {
        return EpochTiming.WithDenseRemainder(Stopwatch.GetElapsedTime(_epochStart).TotalMilliseconds, _ms);
    }
}

/// <summary>A timer that records nothing (evaluation passes, tests).</summary>
public sealed class NullPhaseTimer : IPhaseTimer
{
    public static NullPhaseTimer Instance { get; } = new();

    public PhaseToken Begin(TrainingPhase phase) => default;

    public void End(TrainingPhase phase, long startTicks)
    {
    }

    public void BeginEpoch()
    {
    }

    public EpochTiming EndEpoch() =>
        new(0, Enum.GetValues<TrainingPhase>().ToDictionary(p => p, _ => 0.0));
}
