using MaxK.Graphs;
using MaxK.Graphs.Synthetic;
using MaxK.Harness.Results;
using MaxK.Harness.Statistics;
using MaxK.Harness.Suites;

namespace MaxK.Harness.Kernels;

/// <summary>
/// Runs CPU kernel cases of a suite: each graph preset generated once (GraphSAGE mean weights), each case verified
/// against an independent oracle and then timed; a case that throws is recorded with its error.
/// </summary>
public sealed class BenchRunner
{
    private readonly Dictionary<(string, ulong), CsrGraph> _graphs = [];

    public CaseRecord Run(KernelSuiteCase suiteCase)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        var c = suiteCase.Case;
        var preset = GraphPresets.Get(c.Graph);
        if (!_graphs.TryGetValue((c.Graph, c.Seed), out var graph))
        {
            // GraphSAGE's mean aggregation: weights 1/deg, so the weighted path and a non-symmetric A are exercised.
            graph = EdgeNormalizer.Apply(preset.Generate(c.Seed), EdgeNormalization.Mean);
            _graphs[(c.Graph, c.Seed)] = graph;
        }
        return RunCase(c, preset, graph, suiteCase.Warmup, suiteCase.Runs);
    }

    /// <summary>Verifies then times one CPU case; never throws (a failure is a record with <c>error</c>).</summary>
    public static CaseRecord RunCase(KernelCase c, GraphPreset preset, CsrGraph graph, int warmupRuns, int timedRuns)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(graph);
        var record = new CaseRecord
        {
            Id = c.Id, Kernel = c.Kernel, Implementation = c.Implementation, Device = "cpu", Graph = c.Graph, GraphSynthetic = preset.IsSynthetic,
            GraphLabel = preset.Label, Nodes = graph.NodeCount, Edges = graph.EdgeCount, Dim = c.Dim, K = c.K, Dtype = "fp32", Seed = c.Seed,
            Verified = false, VerificationReference = "", VerificationRelativeError = double.NaN, VerificationTolerance = 0,
            Warmup = warmupRuns, N = 0, SamplesMs = [],
        };
        try
        {
            var (check, samples, bytes) = CpuKernelRunner.Run(c, graph, warmupRuns, timedRuns);
            record = record with
            {
                Verified = check.Passed, VerificationReference = check.Reference, VerificationRelativeError = check.RelativeError,
                VerificationTolerance = check.Tolerance, BytesModeled = bytes, SamplesMs = samples, N = samples.Count,
            };
            if (samples.Count == 0)
                return record;
            var stats = SampleStatistics.From(samples);
            return record with
            {
                MedianMs = stats.MedianMs, MinMs = stats.MinMs, MaxMs = stats.MaxMs, MeanMs = stats.MeanMs, StddevMs = stats.StdDevMs,
                MedianCi95LowMs = stats.MedianCi95LowMs, MedianCi95HighMs = stats.MedianCi95HighMs, GbPerS = bytes / (stats.MedianMs * 1e6),
            };
        }
        catch (Exception ex)
        {
            // A crash in one case is recorded as a failed case; the suite goes on.
            return record with { Error = $"{ex.GetType().Name}: {ex.Message}" };
        }
    }
}
