using MaxK.Interop;

namespace MaxK.Harness.Timing;

/// <summary>
/// The default GPU protocol: CUDA events around each run on the legacy default stream (<see cref="CudaEventTimer"/>),
/// <see cref="GpuTimingProtocol.WarmupRuns"/> warm-ups and <see cref="GpuTimingProtocol.TimedRuns"/> timed runs after one
/// verified run, the L2 flushed before every run (warm-ups included) outside the timed span; the record reports the
/// median with a distribution-free 95% CI.
/// </summary>
public sealed record CudaEventsL2Flushed(int WarmupRuns, int TimedRuns) : GpuTimingProtocol(WarmupRuns, TimedRuns)
{
    public override string Name => "cuda-events-l2-flushed";

    public override string Description =>
        $"CUDA events around each run on the legacy default stream; {WarmupRuns} warm-up + {TimedRuns} timed runs per case "
        + $"after one verified run; L2 flushed before every run ({L2Flusher.DefaultBytes >> 20} MiB cudaMemsetAsync, outside the timed span); "
        + "median with a distribution-free 95% CI";

    public override double[] Time(Action kernel, Action flush)
    {
        ArgumentNullException.ThrowIfNull(flush);
        return new CudaEventTimer(WarmupRuns, TimedRuns).Time(kernel, _ => flush());
    }
}
