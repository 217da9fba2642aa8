namespace MaxK.Harness.Timing;

/// <summary>
/// How a GPU kernel case is timed after it verified: how many warm-up and timed runs, which clock, and what happens
/// before each run. <see cref="Name"/> is the protocol's word (for records and suites); <see cref="Description"/> the
/// sentence the manifest carries. Today one protocol, <see cref="CudaEventsL2Flushed"/>; another (e.g. a peer's own
/// host-clock protocol) is one more subclass that the runner is handed instead.
/// </summary>
public abstract record GpuTimingProtocol(int WarmupRuns, int TimedRuns)
{
    /// <summary>The protocol's word, e.g. "cuda-events-l2-flushed".</summary>
    public abstract string Name { get; }

    /// <summary>The protocol in words, for the manifest's <c>gpu_timing</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Runs <paramref name="kernel"/> by the protocol and returns the timed samples in ms, in run order.</summary>
    /// <param name="kernel">Enqueues the work on the legacy default stream.</param>
    /// <param name="flush">Empties the L2 (the protocol decides whether and when to call it).</param>
    public abstract double[] Time(Action kernel, Action flush);
}
