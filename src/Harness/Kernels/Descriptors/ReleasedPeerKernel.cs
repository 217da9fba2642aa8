using MaxK.Harness.Peers.Released;
using MaxK.Harness.Verification;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>
/// A kernel of the released MaxK-GNN code (harveyp123/MaxK-GNN, <c>kernels/</c>) run as a black box: built from its own
/// sources, run on the graph's structure laid out as it expects (<see cref="ReleasedLayout"/>), timed by its own code
/// (host clock, mean of 4 after 4 warm-ups: <see cref="TimingProtocol.ReleasedHostMean4"/>), parsed from its output.
/// One run per graph serves all of a graph's released cases (cached in the graph session). It verifies nothing (its
/// validation is commented out), so its records are never verified by us, never a speed-up and never a headline
/// (<c>peer: true</c>); a failure on its side is recorded as a peer failure. Planned only when a section lists the peer,
/// at D = 256 (the released main.cu's width) and k ∈ {16, 32, 64} (its k loop).
/// </summary>
public abstract class ReleasedPeerKernel : KernelDescriptor
{
    /// <summary>Implementation id of the released kernels in records and suites ("peers": ["maxk-gnn-released"]).</summary>
    public const string ImplementationId = PeerImplementations.MaxkGnnReleased;

    /// <summary>The released main.cu's dense width.</summary>
    public const int ReleasedDim = 256;

    /// <summary>The released main.cu's k values.</summary>
    public static IReadOnlyList<int> ReleasedKs { get; } = [16, 32, 64];

    public const string VerificationNote =
        "not verified: the released MaxK-GNN benchmark runs as a black box and checks nothing itself (its own timing and inputs; peer measurement, not ours)";

    /// <summary>How every released case's config starts; the commit follows (the manifest's released_commit is read from it).</summary>
    public const string ConfigPrefix = "released MaxK-GNN commit ";

    /// <summary>The released commit a peer record's config names, or null.</summary>
    public static string? CommitOf(string? config) =>
        config is not null && config.StartsWith(ConfigPrefix, StringComparison.Ordinal) ? config[ConfigPrefix.Length..].Split(' ')[0] : null;

    public override bool IsPeer => true;

    public override bool SelectedByDefault => false;

    public override string? GpuImplementation => ImplementationId;

    /// <summary>The kernel's label in the released output (cusparse, maxk, maxk_backward).</summary>
    protected abstract string ReleasedName { get; }

    public override IEnumerable<KernelCase> Plan(ComputeDevice device, KernelPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (device != ComputeDevice.Cuda || !request.Peers.Contains(ImplementationId) || request.Dim != ReleasedDim)
            return [];
        var ks = TakesK ? request.Ks.Where(ReleasedKs.Contains) : [0];
        return ks.Select(k => new KernelCase(Id, ImplementationId, request.Graph, request.Dim, k, request.Seed) { Protocol = TimingProtocol.ReleasedHostMean4 });
    }

    public override CaseOutcome RunGpu(KernelCase c, GpuKernelContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Session;
        var run = s.PerGraph("released-peer", session => ReleasedGraphRun.Execute(context.Peers, session.Info.Name, session.Graph, context.Log));
        if (run.Failure is not null)
            throw new PeerFailureException(run.Failure);
        // The released main.cu prints cuSPARSE once per k loop iteration; the first line stands for the graph.
        var timing = run.Timings.FirstOrDefault(t => t.Kernel == ReleasedName && (!TakesK || t.K == c.K) && t.Dim == c.Dim)
            ?? throw new PeerFailureException($"peer failure: no '{ReleasedName}' line for D = {c.Dim}{(TakesK ? $", k = {c.K}" : "")} in the released output");
        var check = new VerificationResult(VerificationNote, double.NaN, 0);
        return new CaseOutcome(check, [timing.MeanMs], BytesModeled(c, s), Config: $"{ConfigPrefix}{run.Commit ?? "unknown"} ({ReleasedSource.Repository}), "
            + $"built with nvcc {string.Join(' ', ReleasedBuild.Arguments(context.Peers.Arch, ReleasedBuild.ExecutableName))}; its printed figure: "
            + "host-clock mean of 4 runs after 4 warm-ups, no L2 flush, its own random inputs and partition (64-edge chunks)");
    }

    /// <summary>The same compulsory-byte model as our kernel of the same id, so GB/s compares directly.</summary>
    protected abstract long BytesModeled(KernelCase c, GpuGraphSession s);
}

/// <summary>The released code failed on its side (build, run or output); the case records this message as its error.</summary>
public sealed class PeerFailureException(string message) : Exception(message);
