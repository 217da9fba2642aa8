using MaxK.Harness.Analysis;
using MaxK.Harness.Results;
using MaxK.Harness.Kernels;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Runner;

/// <summary>
/// Fields computed across records, recomputed whenever a result is assembled (from a journal, after a resume, after a
/// merge), so a speed-up never depends on which shard or run produced its baseline.
/// CPU: maxk_forward/maxk_backward against dense_spmm on the same graph, D and implementation.
/// GPU: every timed SpMM-like case (<see cref="KernelNames.HasSpeedup"/>) against cusparse_spmm_alg2 on the same graph at
/// the same D (width-k cases: at the graph's first ALG2 width, the suite's D) under the same timing protocol, compared by
/// the protocol's figure (<see cref="CaseRecord.FigureMs"/>: the median, or the mean for released-host-mean4); diagnostic
/// floors and peers (another implementation run as a black box) never get one. Training: <see cref="TrainingBaselines.Link"/>.
/// </summary>
public static class DerivedMetrics
{
    public static RunResult Apply(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var training = result.Training.Select(t => t with
        {
            SpeedupBaseline = null, Speedup = null, KernelSpeedup = null, AmdahlLimit = null, AmdahlPrediction = null, AmdahlAttainment = null,
        }).ToList();
        return result with { Cases = CaseSpeedups(result.Cases), Training = TrainingBaselines.Link(training) };
    }

    /// <summary>The kernel cases with their speed-ups recomputed (see the class summary); the input is not changed.</summary>
    public static List<CaseRecord> CaseSpeedups(IEnumerable<CaseRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var cases = records.Select(c => c with { Speedup = null, SpeedupBaseline = null }).ToList();
        for (var i = 0; i < cases.Count; i++)
        {
            var r = cases[i];
            if (r.MedianMs is not > 0 || r.Diagnostic == true || r.Peer)
                continue;
            CaseRecord? baseline = null;
            if (r.IsOn(ComputeDevice.Cpu) && r.Kernel is KernelNames.MaxKForward or KernelNames.MaxKBackward)
            {
                baseline = cases.FirstOrDefault(b => b.IsOn(ComputeDevice.Cpu) && b.Kernel == KernelNames.DenseSpmm && b.Graph == r.Graph && b.Dim == r.Dim
                    && b.Implementation == r.Implementation && b.MedianMs is > 0);
            }
            else if (r.IsOn(ComputeDevice.Cuda) && KernelNames.HasSpeedup(r.Kernel))
            {
                baseline = cases.FirstOrDefault(b => b.IsOn(ComputeDevice.Cuda) && b.Kernel == KernelNames.CuSparseSpmmAlg2 && b.Graph == r.Graph
                    && (r.WidthK == true || b.Dim == r.Dim) && b.Protocol == r.Protocol && !b.Peer && b.FigureMs is > 0);
            }
            if (baseline is not null)
                cases[i] = r with { SpeedupBaseline = baseline.Id, Speedup = baseline.FigureMs / r.FigureMs };
        }
        return cases;
    }
}
