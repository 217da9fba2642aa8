using MaxK.Harness.Peers.Released;
using MaxK.Harness.Timing;
using MaxK.Harness.Verification;

namespace MaxK.Harness.Kernels;

/// <summary>
/// What a GPU case gets: the graph's device session (<see cref="GpuGraphSession"/>), the timing protocol, where the
/// released peer comes from (<see cref="ReleasedPeerOptions"/>) and where set-up is reported.
/// </summary>
public sealed class GpuKernelContext(GpuGraphSession session, GpuTimingProtocol timing, ReleasedPeerOptions? peers = null, TextWriter? log = null)
{
    public ReleasedPeerOptions Peers { get; } = peers ?? ReleasedPeerOptions.FromEnvironment();

    public TextWriter Log { get; } = log ?? TextWriter.Null;

    public GpuGraphSession Session { get; } = session;

    public GpuTimingProtocol Timing { get; } = timing;

    /// <summary>Times <paramref name="kernel"/> by the protocol (diagnostic floors, which are never verified, call this directly).</summary>
    public double[] Time(Action kernel) => Timing.Time(kernel, () => Session.Flusher.Flush());

    /// <summary>Times <paramref name="kernel"/> when <paramref name="check"/> passed; no timing without verification.</summary>
    public double[] TimeIfVerified(VerificationResult check, Action kernel)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Passed ? Time(kernel) : [];
    }
}
