using MaxK.Graphs;
using MaxK.Graphs.Synthetic;
using MaxK.Harness.Provenance;
using MaxK.Harness.Results;
using MaxK.Harness.Statistics;
using MaxK.Harness.Suites;
using MaxK.Interop;

namespace MaxK.Harness.Kernels;

/// <summary>Runs a suite plan case by case, records every outcome (failures too) and writes one result file.</summary>
public sealed class BenchRunner(TextWriter log, int warmupRuns, int timedRuns)
{
    public RunResult Run(SuitePlan plan, (int Count, int DriverVersion, string? Reason) gpu, string repoDirectory)
    {
        var manifest = ManifestFactory.Create(plan.Suite, gpu, DefaultSuite.Seed, repoDirectory);
        foreach (var s in plan.Skipped)
            log.WriteLine($"SKIPPED {s.What}: {s.Reason}");
        var graphs = new Dictionary<string, CsrGraph>();
        var records = new List<CaseRecord>();
        var index = 0;
        foreach (var c in plan.Cases)
        {
            index++;
            var preset = GraphPresets.Get(c.Graph);
            if (!graphs.TryGetValue(c.Graph, out var graph))
            {
                // GraphSAGE's mean aggregation: weights 1/deg, so the weighted path and a non-symmetric A are exercised.
                graph = EdgeNormalizer.Apply(preset.Generate(c.Seed), EdgeNormalization.Mean);
                graphs[c.Graph] = graph;
            }
            var record = RunCase(c, preset, graph);
            records.Add(record);
            var time = record.MedianMs is { } m ? $"{m,9:F3} ms" : "        —   ";
            log.WriteLine($"[{index,3}/{plan.Cases.Count}] {c.Id,-58} {time}  {(record.Verified ? "verified" : "NOT VERIFIED: " + (record.Error ?? $"rel err {record.VerificationRelativeError:E2}"))}");
        }
        AddSpeedups(records);
        return new RunResult { Manifest = manifest with { FinishedUtc = DateTimeOffset.UtcNow }, Skipped = plan.Skipped, Cases = records };
    }

    private CaseRecord RunCase(KernelCase c, GraphPreset preset, CsrGraph graph)
    {
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

    /// <summary>MaxK forward speed-up against dense SpMM at full width on the same graph and implementation.</summary>
    private static void AddSpeedups(List<CaseRecord> records)
    {
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if (r.Kernel is not (KernelNames.MaxKForward or KernelNames.MaxKBackward) || r.MedianMs is null)
                continue;
            var baseline = records.FirstOrDefault(b => b.Kernel == KernelNames.DenseSpmm && b.Graph == r.Graph && b.Dim == r.Dim
                && b.Implementation == r.Implementation && b.MedianMs is not null);
            if (baseline is not null)
                records[i] = r with { SpeedupBaseline = baseline.Id, Speedup = baseline.MedianMs / r.MedianMs };
        }
    }
}
