using System.Globalization;
using MaxK.Harness.Kernels;
using MaxK.Harness.Results;
using MaxK.Harness.Statistics;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Runner;

/// <summary>
/// The one place a kernel record is built, for every command and device (<c>maxk kernels</c>, <c>maxk verify</c>,
/// <c>maxk bench</c>): identity and shape from the case and its graph, then (when an outcome is given) verification,
/// statistics of the samples, modelled bytes and GB/s at the median. A diagnostic kernel is never verified; an error marks
/// a failed case. GPU records carry the GPU's name and the byte model's description; CPU records neither.
/// </summary>
public static class KernelRecords
{
    /// <param name="c">The case.</param>
    /// <param name="device">Where it ran.</param>
    /// <param name="graph">What the graph is (synthetic flag and label).</param>
    /// <param name="nodes">Nodes of the graph as run (the expected count when it failed to load).</param>
    /// <param name="edges">Edges of the graph as run.</param>
    /// <param name="gpuName">The device name for GPU records' <c>gpu</c> field.</param>
    /// <param name="warmup">Warm-up runs before the timed ones.</param>
    /// <param name="outcome">What the case produced; null when it failed before producing anything.</param>
    /// <param name="error">Why the case failed; null otherwise.</param>
    public static CaseRecord Build(KernelCase c, ComputeDevice device, KernelGraphInfo graph, int nodes, long edges, string? gpuName, int warmup,
        CaseOutcome? outcome, string? error)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(graph);
        var gpu = device == ComputeDevice.Cuda;
        var diagnostic = KernelNames.IsDiagnostic(c.Kernel);
        var record = new CaseRecord
        {
            Id = c.Id, Kernel = c.Kernel, Implementation = c.Implementation, Device = device.Word(), Graph = c.Graph, GraphSynthetic = graph.Synthetic,
            GraphLabel = graph.Label, GraphSource = graph.Source, GraphFiles = graph.Files.Count == 0 ? null : [.. graph.Files.Select(f => new GraphFileRecord(f.File, f.Bytes, f.Sha256))],
            Nodes = nodes, Edges = edges, Dim = c.Dim, K = c.K, Dtype = "fp32", Seed = c.Seed,
            Verified = false, VerificationReference = diagnostic ? KernelNames.FloorVerificationNote : "", VerificationRelativeError = double.NaN,
            VerificationTolerance = 0, Warmup = warmup, N = 0, SamplesMs = [], Gpu = gpu ? gpuName : null, WidthK = c.WidthK ? true : null,
            ByteModel = gpu ? ByteModel.Description : null, Error = error, Diagnostic = diagnostic ? true : null,
            TimingProtocol = gpu ? c.Protocol : TimingProtocol.HostClock,
        };
        if (outcome is null)
            return record;
        var check = outcome.Verification;
        record = record with
        {
            Verified = check.Passed && error is null && !diagnostic, VerificationReference = check.Reference, VerificationRelativeError = check.RelativeError,
            VerificationTolerance = check.Tolerance, BytesModeled = outcome.BytesModeled, SamplesMs = outcome.SamplesMs, N = outcome.SamplesMs.Count,
            PreprocessMs = outcome.PreprocessMs, PreprocessNote = outcome.PreprocessNote, Config = outcome.Config,
        };
        if (outcome.SamplesMs.Count == 0)
            return record;
        var stats = SampleStatistics.From(outcome.SamplesMs);
        return record with
        {
            MedianMs = stats.MedianMs, MinMs = stats.MinMs, MaxMs = stats.MaxMs, MeanMs = stats.MeanMs, StddevMs = stats.StdDevMs,
            MedianCi95LowMs = stats.MedianCi95LowMs, MedianCi95HighMs = stats.MedianCi95HighMs,
            GbPerS = stats.MedianMs > 0 ? outcome.BytesModeled / (stats.MedianMs * 1e6) : null,
        };
    }

    /// <summary>"verified", "diagnostic: …" (a floor, never verified) or "NOT VERIFIED: why", for progress lines.</summary>
    public static string Status(CaseRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Diagnostic == true && r.Error is null)
            return "diagnostic: " + KernelNames.FloorVerificationNote;
        return r.Verified ? "verified" : "NOT VERIFIED: " + (r.Error ?? string.Create(CultureInfo.InvariantCulture, $"rel err {r.VerificationRelativeError:E2}"));
    }
}
