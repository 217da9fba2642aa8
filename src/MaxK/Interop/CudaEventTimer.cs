namespace MaxK.Interop;

/// <summary>
/// Times GPU work on the legacy default stream with CUDA events: <see cref="WarmupRuns"/> untimed runs, then
/// <see cref="TimedRuns"/> runs, each bracketed by a start and a stop event and synchronised on the stop event.
/// An optional callback runs on the host before every run (warm-ups included), outside the timed bracket: use it
/// to rotate inputs or to enqueue an <see cref="L2Flusher.Flush"/>. Work the callback enqueues precedes the start
/// event, so the GPU stays busy while the host records the start and launches the timed work.
/// The measured span is device time from start to stop, so a host-bound launch can show up as a gap inside it.
/// </summary>
public sealed class CudaEventTimer
{
    /// <summary>Validates the counts; makes no native call.</summary>
    /// <param name="warmupRuns">Untimed runs first (≥ 0).</param>
    /// <param name="timedRuns">Timed runs (≥ 1).</param>
    public CudaEventTimer(int warmupRuns, int timedRuns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmupRuns);
        ArgumentOutOfRangeException.ThrowIfLessThan(timedRuns, 1);
        WarmupRuns = warmupRuns;
        TimedRuns = timedRuns;
    }

    public int WarmupRuns { get; }

    public int TimedRuns { get; }

    /// <summary>
    /// Runs <paramref name="action"/> <see cref="WarmupRuns"/> + <see cref="TimedRuns"/> times and returns the
    /// <see cref="TimedRuns"/> per-run device times in milliseconds, in run order.
    /// </summary>
    /// <param name="action">Enqueues the work on the legacy default stream (it may also block; it is timed as is).</param>
    /// <param name="beforeEachRun">
    /// Called with the run index before every run: 0 … WarmupRuns − 1 for warm-ups, then WarmupRuns … for timed runs.
    /// </param>
    /// <exception cref="CudaException">An event call failed, or a run left a CUDA error (checked after every run).</exception>
    public double[] Time(Action action, Action<int>? beforeEachRun = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var start = new CudaEvent();
        using var stop = new CudaEvent();
        for (var i = 0; i < WarmupRuns; i++)
        {
            beforeEachRun?.Invoke(i);
            action();
            CudaRuntime.ThrowIfLastError($"warm-up run {i}");
        }
        CudaRuntime.Synchronize();
        var times = new double[TimedRuns];
        for (var i = 0; i < TimedRuns; i++)
        {
            beforeEachRun?.Invoke(WarmupRuns + i);
            start.Record();
            action();
            stop.Record();
            stop.Synchronize();
            CudaRuntime.ThrowIfLastError($"timed run {i}");
            times[i] = CudaEvent.ElapsedMilliseconds(start, stop);
        }
        return times;
    }
}
