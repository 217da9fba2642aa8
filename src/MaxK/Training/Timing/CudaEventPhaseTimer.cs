using MaxK.Interop;

namespace MaxK.Training.Timing;

/// <summary>
/// GPU phase timer: <see cref="Begin"/> and <see cref="PhaseToken.Dispose"/> record CUDA events on the legacy default
/// stream (where torch and the aggregation kernels run), and <see cref="EndEpoch"/> synchronises once on the epoch's
/// last event and sums each phase's event intervals. The epoch time is the device time from the first to the last
/// event, so host gaps in which the GPU idles count too (the epoch is what a user waits for). As on the CPU,
/// <see cref="TrainingPhase.DenseLayers"/> is the remainder the other phases did not claim. Events are pooled and
/// reused; the timer is not thread-safe. Dispose it to free the events.
/// </summary>
public sealed class CudaEventPhaseTimer : IPhaseTimer, IDisposable
{
    private readonly List<CudaEvent> _pool = [];
    private readonly List<(TrainingPhase Phase, int Start, int End)> _intervals = [];
    private int _used;
    private CudaEvent? _epochStart;

    public PhaseToken Begin(TrainingPhase phase) => new(this, phase, Record());

    public void End(TrainingPhase phase, long startTicks) => _intervals.Add((phase, (int)startTicks, Record()));

    public void BeginEpoch()
    {
        _intervals.Clear();
        _used = 0;
        _epochStart = _pool[Record()];
    }

    public EpochTiming EndEpoch()
    {
        if (_epochStart is null)
            throw new InvalidOperationException("EndEpoch without BeginEpoch.");
        var end = _pool[Record()];
        end.Synchronize();
        var ms = new double[Enum.GetValues<TrainingPhase>().Length];
        foreach (var (phase, start, stop) in _intervals)
            ms[(int)phase] += CudaEvent.ElapsedMilliseconds(_pool[start], _pool[stop]);
        return EpochTiming.WithDenseRemainder(CudaEvent.ElapsedMilliseconds(_epochStart, end), ms);
    }

    public void Dispose()
    {
        foreach (var e in _pool)
            e.Dispose();
        _pool.Clear();
    }

    /// <summary>Records the next pooled event and returns its index.</summary>
    private int Record()
    {
        if (_used == _pool.Count)
            _pool.Add(new CudaEvent());
        _pool[_used].Record();
        return _used++;
    }
}
