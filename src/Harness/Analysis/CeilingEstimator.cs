using MaxK.Harness.Kernels;
using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Analysis;

/// <summary>The facts of one MaxK training record that its ceiling needs (<see cref="CeilingEstimator.Estimate(TrainingRecord, TrainingRecord, RunResult)"/> reads them from a <see cref="TrainingRecord"/>).</summary>
public sealed record CeilingRun(string Dataset, string? Gpu, int? K, int Hidden, int Layers, double? EpochMs, double? AggregationForwardMs, double? AggregationBackwardMs);

/// <summary>
/// Finds the floor cases for a MaxK training record and builds its <see cref="AttainmentCeiling"/>: cases of the same
/// result file that are diagnostic, timed, without error, on cuda, on the same GPU, at the record's k with dim = its
/// hidden width, on the graph that stands for its dataset (<see cref="FloorGraphs"/>), not width-k. Null when the
/// record, its baseline or either floor case is missing.
/// </summary>
public static class CeilingEstimator
{
    /// <summary>
    /// The ceiling of MaxK record <paramref name="r"/> against its ReLU <paramref name="baseline"/>, from the floor cases of
    /// <paramref name="result"/> (the file both records come from). Null for a ReLU record or one without its
    /// aggregation phases (a missing phase is not a measured 0).
    /// </summary>
    public static AttainmentCeiling? Estimate(TrainingRecord r, TrainingRecord baseline, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(result);
        if (r.Nonlinearity != "maxk" || r.PhaseMsMedian is not { } phases)
            return null;
        var run = new CeilingRun(r.Dataset, r.Gpu, r.K, r.Hidden, r.Layers, r.EpochMsMedian,
            phases.TryGetValue("aggregation_forward", out var f) ? f : null, phases.TryGetValue("aggregation_backward", out var b) ? b : null);
        return Estimate(run, baseline.EpochMsMedian, baseline.AggregationFraction, result.Cases, result.Manifest.Gpu);
    }

    /// <param name="fileGpu">The result file's GPU (manifest), used where a record or case has none.</param>
    public static AttainmentCeiling? Estimate(CeilingRun run, double? baselineEpochMs, double? baselineFraction, IEnumerable<CaseRecord> cases, string? fileGpu)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(cases);
        if (run.K is not { } k || FloorGraphs.For(run.Dataset) is not { } graph || run.Layers < 1
            || run.EpochMs is not > 0 || run.AggregationForwardMs is not { } fwd || run.AggregationBackwardMs is not { } bwd
            || baselineEpochMs is not > 0 || baselineFraction is not (>= 0 and <= 1))
            return null;
        var gpu = run.Gpu ?? fileGpu;
        var floors = cases.Where(c => c.Diagnostic == true && c.IsOn(ComputeDevice.Cuda) && c.Error is null && c.MedianMs is > 0 && c.WidthK != true
            && c.Graph == graph && c.K == k && c.Dim == run.Hidden && string.Equals(c.Gpu ?? fileGpu, gpu, StringComparison.Ordinal)).ToList();
        var f = floors.FirstOrDefault(c => c.Kernel == KernelNames.MaxKForwardFloor);
        var b = floors.FirstOrDefault(c => c.Kernel == KernelNames.MaxKBackwardFloor);
        if (f is null || b is null)
            return null;
        var ceiling = new AttainmentCeiling
        {
            EpochMs = run.EpochMs.Value, AggregationForwardMs = fwd, AggregationBackwardMs = bwd, Layers = run.Layers,
            FloorForwardMs = f.MedianMs!.Value, FloorBackwardMs = b.MedianMs!.Value, BaselineEpochMs = baselineEpochMs.Value,
            BaselineAggregationFraction = baselineFraction.Value, FloorGraph = graph, FloorForwardCase = f.Id, FloorBackwardCase = b.Id,
        };
        return ceiling.FloorEpochMs > 0 ? ceiling : null;
    }
}
