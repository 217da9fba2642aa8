using MaxK.Harness.Kernels;
using MaxK.Harness.Paper;
using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Analysis;

/// <summary>
/// One MaxK (or other non-baseline) training record against its ReLU baseline, with the paper's figure where there is one,
/// and the attainment ceiling where the same file has loads-only floor cases for it (<see cref="CeilingEstimator"/>).
/// </summary>
public sealed record TrainingComparison(
    string File, string Id, string Dataset, string Model, string Backend, int? K, string Device, string? Baseline, double? BaselineFraction,
    double? KernelSpeedup, double? AmdahlLimit, double? AmdahlPrediction, double? Speedup, double? Attainment, double? AccuracyDeltaPoints,
    double? PaperSpeedupVsDgl, double? PaperLimitVsDgl, double? PaperDeltaAccuracyPoints, AttainmentCeiling? Ceiling = null);

/// <summary>A MaxK kernel's speed-up over cuSPARSE ALG2 on one graph at one k, with the paper's figure where there is one.</summary>
public sealed record KernelComparison(string File, string Graph, string Kernel, int Dim, int K, double? MedianMs, double? SpeedupVsCuSparse, double? PaperSpeedupVsCuSparse);

/// <summary>Everything <c>maxk analyze</c> derives from a set of result files.</summary>
public sealed record AnalysisReport(IReadOnlyList<TrainingComparison> Training, IReadOnlyList<KernelComparison> Kernels, IReadOnlyList<string> Problems);

/// <summary>
/// Derives the Amdahl analysis and the paper comparisons from result files: training records are paired with their
/// baseline by <see cref="TrainingBaselines.Link"/> (per file; older files are linked here), p is the baseline's
/// aggregation fraction, the attainment is measured speed-up / Amdahl limit (MaxK records only: a ReLU or peer run has
/// none), and the attainment ceiling comes from the
/// loads-only floor cases of the same file; kernel cases give the forward and backward speed-ups over cuSPARSE ALG2 per
/// graph and k (the diagnostic floors never do).
/// </summary>
public static class ResultAnalysis
{
    /// <summary>Analyses against the paper numbers embedded in the harness (site/content/paper-numbers.json).</summary>
    public static AnalysisReport Analyze(LoadedResults loaded) => Analyze(loaded, PaperNumbers.Embedded());

    public static AnalysisReport Analyze(LoadedResults loaded, PaperNumbers paper)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(paper);
        var training = new List<TrainingComparison>();
        var kernels = new List<KernelComparison>();
        foreach (var (file, result) in loaded.Results)
        {
            var linked = TrainingBaselines.Link(result.Training);
            var byId = linked.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
            foreach (var r in linked.Where(r => r.SpeedupBaseline is not null))
            {
                var b = byId[r.SpeedupBaseline!];
                var point = paper.EndToEndAt(r.Dataset, r.Model, r.K);
                var limit = paper.LimitsFor(r.Dataset);
                training.Add(new TrainingComparison(file, r.Id, r.Dataset, r.Model, r.Backend, r.K, r.Device, b.Id, b.AggregationFraction, r.KernelSpeedup,
                    r.AmdahlLimit, r.AmdahlPrediction, r.Speedup, r.Nonlinearity == "maxk" ? r.AmdahlAttainment : null,
                    r.TestAccuracy is { } a && b.TestAccuracy is { } ba ? (a - ba) * 100 : null,
                    point?.SpeedupVsDgl, limit?.Dgl, Points(point?.DeltaAccuracy), CeilingEstimator.Estimate(r, b, result)));
            }
            foreach (var c in result.Cases.Where(c => c.IsOn(ComputeDevice.Cuda) && c.Kernel is KernelNames.MaxKForward or KernelNames.MaxKBackward && !c.Peer
                && c.Protocol == TimingProtocol.CudaEventsL2Flushed))
            {
                var figure = c.Dim == 256 ? paper.KernelAt(c.Graph, c.K) : null;
                var paperSpeedup = figure is null ? (double?)null : c.Kernel == KernelNames.MaxKForward ? figure.FwdCusparse : figure.BwdCusparse;
                var speedup = c.SpeedupBaseline is { } id && id.StartsWith(KernelNames.CuSparseSpmmAlg2, StringComparison.Ordinal) ? c.Speedup : null;
                kernels.Add(new KernelComparison(file, c.Graph, c.Kernel, c.Dim, c.K, c.MedianMs, speedup, paperSpeedup));
            }
        }
        return new AnalysisReport(training, kernels, loaded.Problems);
    }

    /// <summary>
    /// The paper's accuracy change (a fraction, to four decimals in the data file) in percentage points, rounded so
    /// that 0.0014 gives 0.14 rather than 0.13999999999999999.
    /// </summary>
    private static double? Points(double? fraction) => fraction is { } f ? Math.Round(f * 100, 6) : null;
}
