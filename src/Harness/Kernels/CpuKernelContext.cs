using MaxK.Graphs;
using MaxK.Harness.Timing;
using MaxK.Harness.Verification;

namespace MaxK.Harness.Kernels;

/// <summary>
/// What a CPU case gets: its graph with GraphSAGE's mean weights (1/deg, so the weighted path and a non-symmetric A are
/// exercised) and the host-clock timing (<see cref="HostTimer"/>: warm-up runs, then timed runs).
/// </summary>
public sealed class CpuKernelContext(CsrGraph graph, int warmupRuns, int timedRuns)
{
    /// <summary>The mean-normalised graph.</summary>
    public CsrGraph Graph { get; } = graph;

    /// <summary>Times <paramref name="kernel"/> when <paramref name="check"/> passed; no timing without verification.</summary>
    public IReadOnlyList<double> TimeIfVerified(VerificationResult check, Action kernel)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Passed ? HostTimer.Measure(kernel, warmupRuns, timedRuns) : [];
    }

    /// <summary>The CPU byte model: a CSR walk (row pointers, indices, weights if any) plus the bytes gathered per edge.</summary>
    public static long GatherBytes(CsrGraph g, long bytesPerEdge)
    {
        ArgumentNullException.ThrowIfNull(g);
        return (4L * (g.NodeCount + 1)) + (g.EdgeCount * (4L + (g.IsWeighted ? 4 : 0))) + (g.EdgeCount * bytesPerEdge);
    }
}
