using MaxK.Harness.Vocabulary;
using MaxK.Harness.Paper;
using MaxK.Harness.Results;
using MaxK.Harness.Kernels;

namespace MaxK.Harness.Analysis.Claims;

/// <summary>
/// The one computation behind the claims page, <c>claims.json</c>/CSV and <c>maxk analyze --claims</c>: every claim of
/// the paper (design §6, as site/content/paper-numbers.json lists them) against every GPU with headline measurements.
/// Only headline runs give values (<see cref="KernelFigures"/>, <see cref="TrainingFigures"/>); diagnostic and probe runs
/// never do. Rows come in page order: end to end, kernel averages, accuracy, memory traffic, per-graph kernels.
/// </summary>
public static class ClaimsBuilder
{
    public static ClaimReport Build(IReadOnlyList<AnalysisRun> runs, PaperNumbers paper)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(paper);
        var ctx = new ClaimContext(runs, paper);
        var rows = new List<ClaimRow>();
        rows.AddRange(EndToEndClaims.Build(ctx));
        var kernels = KernelClaims.Build(ctx).ToList();
        rows.AddRange(kernels.Where(r => r.Section == ClaimSection.KernelAverage));
        rows.AddRange(AccuracyClaims.Build(ctx));
        rows.AddRange(paper.MemoryTraffic.Select(m => Memory(ctx, m)));
        rows.AddRange(kernels.Where(r => r.Section == ClaimSection.Kernel));
        return new ClaimReport(ctx.Gpus, rows, paper.PaperGpu, paper.PaperGpuNote);
    }

    /// <summary>Memory traffic: not measured by this harness (it needs DRAM counters); the modelled compulsory bytes are noted where a run has them.</summary>
    private static ClaimRow Memory(ClaimContext ctx, PaperMemoryTraffic m) => ClaimRules.Evaluate(new ClaimRow
    {
        Id = $"memory-{EndToEndClaims.Slug(m.Graph)}-k{m.K}-{m.Kernel}", Section = ClaimSection.Memory, Claim = $"DRAM traffic of {m.Kernel} against cuSPARSE SpMM: {m.Graph}, k = {m.K} ({m.Text})",
        Unit = ClaimUnit.Fraction, PaperValue = m.DramTrafficChange, PaperGpu = ctx.Paper.PaperGpu, PaperSource = m.Source, PaperName = m.Graph,
        OursProtocol = "DRAM counters (Nsight Compute)",
        ByGpu = [.. ctx.Gpus.Select(gpu =>
        {
            var pick = ctx.StandIn(m.Graph, g => ctx.Kernels.Ours(gpu, m.Kernel, g, 256, m.K), p => !p.Case.GraphSynthetic);
            var modelled = pick?.Sibling(KernelNames.CuSparseSpmmAlg2) is { BytesModeled: > 0 } alg2 && pick.Case.BytesModeled > 0
                ? $"; modelled compulsory bytes on {pick.Case.Graph}: {ClaimWords.Format(ClaimUnit.Fraction, pick.Case.BytesModeled / (double)alg2.BytesModeled - 1)} against ALG2 (a model, not a measurement)"
                : "";
            return ClaimContext.Missing(gpu, "needs DRAM traffic counters (Nsight Compute), which this harness does not record" + modelled);
        })],
    });

    /// <summary>The report of result files loaded by <see cref="ResultLoader"/> (paths as given), for <c>maxk analyze</c>.</summary>
    public static ClaimReport Build(LoadedResults loaded, PaperNumbers paper)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return Build([.. loaded.Results.Select(r => new AnalysisRun(r.Path, r.Result))], paper);
    }
}
