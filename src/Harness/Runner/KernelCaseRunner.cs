using System.Diagnostics;
using MaxK.Graphs;
using MaxK.Harness.Kernels;
using MaxK.Harness.Kernels.Descriptors;
using MaxK.Harness.Kernels.Grid;
using MaxK.Harness.Peers.Released;
using MaxK.Harness.Results;
using MaxK.Harness.Suites;
using MaxK.Harness.Timing;
using MaxK.Harness.Verification;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Runner;

/// <summary>
/// Runs kernel cases one at a time on either device: the one execution path of <c>maxk bench</c>, <c>maxk kernels</c> and
/// <c>maxk verify</c>. The case's descriptor (<see cref="KernelCatalog.For"/>) draws its inputs, checks its output and times
/// it; <see cref="KernelRecords.Build"/> makes the record. The graph comes through the graph source seam
/// (<see cref="IKernelGraphSource"/>): on the CPU each graph is kept (mean-normalised), on the GPU the current graph stays on
/// the device (<see cref="GpuGraphSession"/>; a new graph replaces it). Verification cases run a check of the GPU grid on
/// the verification graph. A case that throws (out of memory, an unsupported shape, a failed graph load) is recorded with
/// its error and the rest go on.
/// </summary>
public sealed class KernelCaseRunner(string? gpuName, IKernelGraphSource? graphs = null, ReleasedPeerOptions? peers = null) : IDisposable
{
    private readonly IKernelGraphSource _graphs = graphs ?? SpecGraphSource.Default;
    private readonly ReleasedPeerOptions _peers = peers ?? ReleasedPeerOptions.FromEnvironment();
    private readonly Dictionary<(string Graph, ulong Seed), CsrGraph> _cpuGraphs = [];
    private GpuGraphSession? _session;
    private (string Graph, ulong Seed)? _sessionKey;
    private string? _sessionError;
    private GpuKernelVerifier? _verifier;
    private (ulong Seed, int Nodes)? _verifierKey;
    private string? _verifierError;

    /// <summary>Verifies then times one kernel case; never throws for a failing case (the record carries the error).</summary>
    /// <param name="log">Where graph set-up is reported.</param>
    public CaseRecord Run(KernelSuiteCase suiteCase, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        ArgumentNullException.ThrowIfNull(log);
        var c = suiteCase.Case;
        var device = suiteCase.Device;
        var info = _graphs.Describe(c.Graph);
        int nodes = info.Nodes;
        long edges = info.Edges;
        var warmup = device == ComputeDevice.Cuda && c.Protocol == TimingProtocol.ReleasedHostMean4 ? new ReleasedHostMean4().WarmupRuns : suiteCase.Warmup;
        try
        {
            var descriptor = KernelCatalog.For(c, device);
            CaseOutcome outcome;
            if (device == ComputeDevice.Cpu)
            {
                var graph = CpuGraph(c);
                info = _graphs.Describe(c.Graph);
                (nodes, edges) = (graph.NodeCount, graph.EdgeCount);
                outcome = descriptor.RunCpu(c, new CpuKernelContext(graph, suiteCase.Warmup, suiteCase.Runs));
            }
            else
            {
                var session = Session(info, c.Seed, log);
                info = _graphs.Describe(c.Graph); // after loading: a real source's provenance (files and SHA-256)
                (nodes, edges) = (session.Graph.NodeCount, session.Graph.EdgeCount);
                var protocol = Protocol(c.Protocol, suiteCase.Warmup, suiteCase.Runs);
                outcome = descriptor.RunGpu(c, new GpuKernelContext(session, protocol, _peers, log));
                warmup = protocol.WarmupRuns;
            }
            return KernelRecords.Build(c, device, info, nodes, edges, gpuName, warmup, outcome, null);
        }
        catch (Exception ex)
        {
            // One failing case (out of memory, an unsupported shape, a kernel error, a graph that did not load) is recorded; the rest go on.
            return KernelRecords.Build(c, device, info, nodes, edges, gpuName, warmup, null,
                ex is GraphSetupException or PeerFailureException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Runs one check of the GPU verification grid; never throws (a failing check is a record that is not verified).</summary>
    public CaseRecord Run(VerificationSuiteCase suiteCase, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        ArgumentNullException.ThrowIfNull(log);
        var c = suiteCase.Case;
        var info = new KernelGraphInfo(c.Graph, true, VerificationGraph.Label(suiteCase.Nodes), suiteCase.Nodes, 0);
        var verifier = Verifier(c.Seed, suiteCase.Nodes, log);
        if (verifier is null)
            return KernelRecords.Build(c, ComputeDevice.Cuda, info, info.Nodes, 0, gpuName, 0, null, _verifierError);
        var check = suiteCase.Check.Run(verifier);
        var verification = new VerificationResult(check.Reference + (check.Mismatches > 0 ? $"; {check.Mismatches:N0} mismatches" : ""),
            check.RelativeError, check.Tolerance, check.Mismatches);
        var outcome = new CaseOutcome(verification, [], 0, Config: check.Variant);
        return KernelRecords.Build(c, ComputeDevice.Cuda, info, verifier.Graph.NodeCount, verifier.Graph.EdgeCount, gpuName, 0, outcome, check.Error);
    }

    /// <summary>The timing protocol of a GPU case: ours with the section's warm-up and runs, or the released code's (4 + 4).</summary>
    public static GpuTimingProtocol Protocol(TimingProtocol kind, int warmup, int runs) => kind == TimingProtocol.ReleasedHostMean4
        ? new ReleasedHostMean4()
        : new CudaEventsL2Flushed(warmup, runs);

    public void Dispose()
    {
        _session?.Dispose();
        _session = null;
        _verifier?.Dispose();
        _verifier = null;
    }

    private CsrGraph CpuGraph(KernelCase c)
    {
        if (!_cpuGraphs.TryGetValue((c.Graph, c.Seed), out var graph))
        {
            // GraphSAGE's mean aggregation: weights 1/deg, so the weighted path and a non-symmetric A are exercised.
            graph = EdgeNormalizer.Apply(_graphs.Load(c.Graph, c.Seed), EdgeNormalization.Mean);
            _cpuGraphs[(c.Graph, c.Seed)] = graph;
        }
        return graph;
    }

    /// <summary>The device session of the case's graph (kept while cases stay on it); a failed set-up fails every case of that graph.</summary>
    private GpuGraphSession Session(KernelGraphInfo info, ulong seed, TextWriter log)
    {
        if (_sessionKey != (info.Name, seed))
        {
            _session?.Dispose();
            _session = null;
            _sessionError = null;
            _sessionKey = (info.Name, seed);
            try
            {
                var clock = Stopwatch.StartNew();
                var structure = _graphs.Load(info.Name, seed);
                _session = new GpuGraphSession(info, structure, seed);
                log.WriteLine($"{info.Name}: generated {_session.Graph.NodeCount:N0} nodes, {_session.Graph.EdgeCount:N0} edges ({info.Label}) in {clock.Elapsed.TotalSeconds:F1} s; "
                    + $"{_session.OutSample.Description} checked per output");
            }
            catch (Exception ex)
            {
                _sessionError = $"graph setup failed: {ex.GetType().Name}: {ex.Message}";
                log.WriteLine($"{info.Name}: {_sessionError}");
            }
        }
        return _session ?? throw new GraphSetupException(_sessionError!);
    }

    private GpuKernelVerifier? Verifier(ulong seed, int nodes, TextWriter log)
    {
        if (_verifierKey != (seed, nodes))
        {
            _verifier?.Dispose();
            _verifier = null;
            _verifierError = null;
            _verifierKey = (seed, nodes);
            try
            {
                var graph = VerificationGraph.Build(seed, nodes);
                _verifier = new GpuKernelVerifier(graph, seed);
                log.WriteLine($"Verification graph: {graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} edges, seed {seed}");
            }
            catch (Exception ex)
            {
                _verifierError = $"verification graph setup failed: {ex.GetType().Name}: {ex.Message}";
                log.WriteLine(_verifierError);
            }
        }
        return _verifier;
    }

    /// <summary>The graph of a case could not be set up; its message is the record's error as is.</summary>
    private sealed class GraphSetupException(string message) : Exception(message);
}
