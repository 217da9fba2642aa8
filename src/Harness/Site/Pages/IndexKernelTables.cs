using System.Globalization;
using System.Text;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Analysis;
using MaxK.Harness.Kernels;

namespace MaxK.Harness.Site.Pages;

/// <summary>
/// The index's kernel tables of one GPU: on the graphs and k the paper reports, our forward and backward speed-ups against
/// cuSPARSE ALG2 and against the GNNAdvisor-style kernel (best of its (ngs, wpb) sweep where measured, else its own decider,
/// labelled) with the paper's values (A100) and the two baselines' relation beside them; then the geometric means over
/// every graph. One row per graph, D and k from its newest headline run (<see cref="KernelFigures"/>).
/// </summary>
internal static class IndexKernelTables
{
    public static string Build(SitePage page, SiteModel model, GpuGroup g)
    {
        var gpu = g.Cases.Any(c => c.Case.Device == "cuda");
        if (!gpu)
            return Cpu(page, g);
        var pairs = model.Kernels.OursAll(g.Gpu, KernelNames.MaxKForward)
            .Select(f => (Fwd: f, Bwd: model.Kernels.Ours(g.Gpu, KernelNames.MaxKBackward, f.Case.Graph, f.Case.Dim, f.Case.K),
                Paper: model.Paper.KernelAt(f.Case.Graph, f.Case.K)))
            .Where(x => x.Paper is not null)
            .OrderBy(x => x.Paper!.Graph, StringComparer.Ordinal).ThenBy(x => x.Fwd.Case.Graph, StringComparer.Ordinal).ThenBy(x => x.Fwd.Case.K).ToList();
        var cusparse = new SiteTable($"index-{g.Anchor}-kernel-headline", $"{g.Gpu}: MaxK kernels against cuSPARSE ALG2 on graphs and k the paper reports, ours beside the paper's (A100, D = 256)",
            ["graph", "paper graph", "k", "D", $"{KernelNames.MaxKForward} ms", "forward vs cuSPARSE ALG2", "paper (A100)", $"{KernelNames.MaxKBackward} ms", "backward vs cuSPARSE ALG2", "paper (A100)", "run"]);
        var gnna = new SiteTable($"index-{g.Anchor}-kernel-gnnadvisor", $"{g.Gpu}: MaxK kernels against the GNNAdvisor-style kernel, with the two baselines' relation beside the paper's (A100)",
            ["graph", "k", "forward vs GNNAdvisor-style", "paper (A100)", "backward vs GNNAdvisor-style", "paper (A100)", "GNNAdvisor-style baseline",
             "GNNAdvisor / cuSPARSE time", "paper (A100)", "run"]);
        foreach (var (f, b, p) in pairs)
        {
            var run = model.Run(f.Run);
            var graph = new SiteCell(f.Case.Graph + (f.Case.GraphSynthetic ? " (synthetic)" : ""), f.Case.Graph, Tip: f.Case.GraphLabel);
            cusparse.Add(graph, SiteCell.T(p!.Graph), IndexPage.IntCell(f.Case.K), IndexPage.IntCell(f.Case.Dim),
                SiteCell.Num(f.Case.MedianMs, 3), SiteCell.Speedup(KernelFigures.VsCuSparse(f)), SiteCell.Speedup(p.FwdCusparse),
                SiteCell.Num(b?.Case.MedianMs, 3), SiteCell.Speedup(b is null ? null : KernelFigures.VsCuSparse(b)), SiteCell.Speedup(p.BwdCusparse),
                b is not null && !ReferenceEquals(b.Run, f.Run) ? new SiteCell($"{run.Label} · {model.Run(b.Run).Label}", run.RelativePath, run.Page, CssClass: "run") : IndexPage.RunCell(run));
            var (fv, baseline) = KernelFigures.VsGnnAdvisor(f);
            var bv = b is null ? null : KernelFigures.VsGnnAdvisor(b).Speedup;
            var relation = baseline?.Case.MedianMs / f.Sibling(KernelNames.CuSparseSpmmAlg2)?.MedianMs;
            gnna.Add(graph, IndexPage.IntCell(f.Case.K), SiteCell.Speedup(fv), SiteCell.Speedup(p.FwdGnnadvisor), SiteCell.Speedup(bv), SiteCell.Speedup(p.BwdGnnadvisor),
                new SiteCell(baseline?.ShortLabel ?? "not measured", baseline?.ShortLabel, Tip: baseline?.Label), SiteCell.Speedup(relation),
                new SiteCell(Html.X(p.FwdGnnadvisor / p.FwdCusparse), p.FwdGnnadvisor / p.FwdCusparse, Tip: "the paper's forward speed-up against cuSPARSE over its speed-up against GNNAdvisor: GNNAdvisor's time over cuSPARSE's"),
                IndexPage.RunCell(run));
        }
        var note = "<p class=\"note\">“vs GNNAdvisor-style” uses the best of the kernel's (ngs, wpb) sweep timed at set-up where a run measured it, otherwise the kernel with "
            + "its own decider, as the baseline column says. In the paper GNNAdvisor took about 1.4× cuSPARSE's time; the relation column shows ours.</p>\n";
        return page.Table(cusparse) + note + page.Table(gnna) + GeoMeans(page, g);
    }

    private static string GeoMeans(SitePage page, GpuGroup g)
    {
        var rows = g.Cases.Where(c => IndexPage.HeadlineKernels.Contains(c.Case.Kernel) && !c.IsDiagnostic).ToList();
        var summary = new SiteTable($"index-{g.Anchor}-kernel-geomean", $"{g.Gpu}: geometric mean over every graph measured (newest headline run per case; all graphs on the kernel page)",
            ["kernel", "k", "graphs", "geo-mean vs cuSPARSE ALG2", "min", "max", "geo-mean vs GNNAdvisor-style"]);
        foreach (var grp in rows.GroupBy(c => (c.Case.Kernel, c.Case.K)).OrderBy(x => x.Key.Kernel, StringComparer.Ordinal).ThenBy(x => x.Key.K))
        {
            var vs = grp.Select(c => c.VsAlg2).OfType<double>().ToList();
            summary.Add(SiteCell.T(grp.Key.Kernel), IndexPage.IntCell(grp.Key.K),
                SiteCell.Int(grp.Select(c => c.Case.Graph).Distinct().Count()), SiteCell.Speedup(SiteStats.GeoMean(vs.Select(v => (double?)v))),
                SiteCell.Speedup(vs.Count > 0 ? vs.Min() : null), SiteCell.Speedup(vs.Count > 0 ? vs.Max() : null),
                SiteCell.Speedup(SiteStats.GeoMean(grp.Select(c => c.VsGnnAdvisor))));
        }
        return page.Table(summary);
    }

    private static string Cpu(SitePage page, GpuGroup g)
    {
        var rows = g.Cases.Where(c => IndexPage.HeadlineKernels.Contains(c.Case.Kernel) && !c.IsDiagnostic).ToList();
        var pairs = rows.Where(c => c.Case.Kernel == KernelNames.MaxKForward)
            .Select(f => (Fwd: f, Bwd: rows.FirstOrDefault(b => b.Case.Kernel == KernelNames.MaxKBackward && b.Case.Graph == f.Case.Graph && b.Case.K == f.Case.K && b.Case.Dim == f.Case.Dim)))
            .OrderBy(x => x.Fwd.Case.Graph, StringComparer.Ordinal).ThenBy(x => x.Fwd.Case.K).ToList();
        var table = new SiteTable($"index-{g.Anchor}-kernel-headline", $"{g.Gpu}: MaxK kernels (CPU reference; no cuSPARSE or GNNAdvisor baseline ran)",
            ["graph", "k", "D", $"{KernelNames.MaxKForward} ms", "forward speed-up", $"{KernelNames.MaxKBackward} ms", "backward speed-up", "speed-up baseline", "run"]);
        foreach (var (f, b) in pairs)
        {
            table.Add(new SiteCell(f.Case.Graph + (f.Case.GraphSynthetic ? " (synthetic)" : ""), f.Case.Graph, Tip: f.Case.GraphLabel), IndexPage.IntCell(f.Case.K), IndexPage.IntCell(f.Case.Dim),
                SiteCell.Num(f.Case.MedianMs, 3), SiteCell.Speedup(f.Case.Speedup), SiteCell.Num(b?.Case.MedianMs, 3), SiteCell.Speedup(b?.Case.Speedup),
                SiteCell.T(f.InRun(f.Case.SpeedupBaseline)?.Kernel ?? f.Case.SpeedupBaseline ?? "—"), IndexPage.RunCell(f.Run));
        }
        return page.Table(table);
    }

    internal static string K(int k) => k.ToString(CultureInfo.InvariantCulture);
}
