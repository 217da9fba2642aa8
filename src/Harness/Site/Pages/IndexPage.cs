using System.Text;
using MaxK.Harness.Kernels;
using MaxK.Harness.Paper;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site.Pages;

/// <summary>
/// index.html: per GPU, the headline kernel speed-ups against cuSPARSE ALG2 and the GNNAdvisor-style kernel with the
/// paper's values beside ours, the end-to-end speed-ups with Amdahl prediction and limit and accuracy parity (or an
/// honest "no training runs recorded yet"), then the list of runs.
/// </summary>
public static class IndexPage
{
    private static readonly string[] HeadlineKernels = [KernelNames.MaxKForward, KernelNames.MaxKBackward];

    public static SitePage Build(IReadOnlyList<GpuGroup> groups, IReadOnlyList<SiteRun> runs, PaperNumbers paper, SiteContent content)
    {
        var page = new SitePage("index.html", "index", "MaxK-GNN Bench: results");
        page.IntroHtml = content.Page("index");
        if (groups.Count == 0)
            page.Sections.Add(new SiteSection("no-results", "No results", "<p class=\"empty\">No result files were found.</p>"));
        foreach (var g in groups)
        {
            var html = new StringBuilder();
            var latest = g.Runs[^1];
            html.Append($"<p>{Html.Count(g.Runs.Count)} result file(s); newest: <a href=\"{Html.E(latest.Page)}\">{Html.E(latest.Label)}</a> ({Html.E(latest.Started.ToString("u", System.Globalization.CultureInfo.InvariantCulture))}). ")
                .Append($"Cases on device <code>{Html.E(g.Cases.FirstOrDefault()?.Case.Device ?? "—")}</code>; details on the <a href=\"kernels.html#{Html.E(g.Anchor)}\">kernel page</a> and the <a href=\"training.html#{Html.E(g.Anchor)}\">training page</a>.</p>\n");
            page.Sections.Add(new SiteSection(g.Anchor, g.Gpu, html.ToString()));
            page.Sections.Add(new SiteSection(g.Anchor + "-kernels", $"{g.Gpu}: kernel speed-ups", KernelHeadline(page, g, paper), 3));
            page.Sections.Add(new SiteSection(g.Anchor + "-e2e", $"{g.Gpu}: end-to-end training, Amdahl and accuracy", EndToEnd(page, g, paper), 3));
        }
        page.Sections.Add(new SiteSection("paper", "The paper's numbers", PaperBlock(page, paper)));
        page.Sections.Add(new SiteSection("runs", "Runs", RunList(page, runs)));
        return page;
    }

    private static string KernelHeadline(SitePage page, GpuGroup g, PaperNumbers paper)
    {
        var gpu = g.Cases.Any(c => c.Case.IsOn(ComputeDevice.Cuda));
        // Only the real kernels: a diagnostic floor is never a headline, a speed-up or part of a geo-mean.
        var rows = g.Cases.Where(c => HeadlineKernels.Contains(c.Case.Kernel) && !c.IsDiagnostic).ToList();
        var pairs = rows.Where(c => c.Case.Kernel == KernelNames.MaxKForward)
            .Select(f => (Fwd: f, Bwd: rows.FirstOrDefault(b => b.Case.Kernel == KernelNames.MaxKBackward && b.Case.Graph == f.Case.Graph && b.Case.K == f.Case.K && b.Case.Dim == f.Case.Dim)))
            .OrderBy(x => paper.PaperName(x.Fwd.Case.Graph) ?? "~", StringComparer.Ordinal).ThenBy(x => x.Fwd.Case.Graph, StringComparer.Ordinal).ThenBy(x => x.Fwd.Case.K)
            .ToList();
        string html;
        if (gpu)
        {
            var table = new SiteTable($"index-{g.Anchor}-kernel-headline", $"{g.Gpu}: MaxK kernels on graphs and k the paper reports, ours beside the paper's (D = 256 in the paper)",
                ["graph", "paper graph", "k", "D", $"{KernelNames.MaxKForward} ms", "forward vs cuSPARSE ALG2", "paper", "forward vs GNNAdvisor-style", "paper",
                 $"{KernelNames.MaxKBackward} ms", "backward vs cuSPARSE ALG2", "paper", "backward vs GNNAdvisor-style", "paper", "run"]);
            foreach (var (f, b) in pairs)
            {
                if (paper.KernelAt(f.Case.Graph, f.Case.K) is not { } p)
                    continue;
                table.Add(new SiteCell(f.Case.Graph + (f.Case.GraphSynthetic ? " (synthetic)" : ""), f.Case.Graph, Tip: f.Case.GraphLabel), SiteCell.T(p.Graph), IntCell(f.Case.K), IntCell(f.Case.Dim),
                    SiteCell.Num(f.Case.MedianMs, 3), SiteCell.Speedup(f.VsAlg2), SiteCell.Speedup(p.FwdCusparse), SiteCell.Speedup(f.VsGnnAdvisor), SiteCell.Speedup(p.FwdGnnadvisor),
                    SiteCell.Num(b?.Case.MedianMs, 3), SiteCell.Speedup(b?.VsAlg2), SiteCell.Speedup(p.BwdCusparse), SiteCell.Speedup(b?.VsGnnAdvisor), SiteCell.Speedup(p.BwdGnnadvisor),
                    RunCell(f.Run));
            }
            html = page.Table(table);
        }
        else
        {
            var table = new SiteTable($"index-{g.Anchor}-kernel-headline", $"{g.Gpu}: MaxK kernels (CPU reference; no cuSPARSE or GNNAdvisor baseline ran)",
                ["graph", "k", "D", $"{KernelNames.MaxKForward} ms", "forward speed-up", $"{KernelNames.MaxKBackward} ms", "backward speed-up", "speed-up baseline", "run"]);
            foreach (var (f, b) in pairs)
                table.Add(new SiteCell(f.Case.Graph + (f.Case.GraphSynthetic ? " (synthetic)" : ""), f.Case.Graph, Tip: f.Case.GraphLabel), IntCell(f.Case.K), IntCell(f.Case.Dim),
                    SiteCell.Num(f.Case.MedianMs, 3), SiteCell.Speedup(f.Case.Speedup), SiteCell.Num(b?.Case.MedianMs, 3), SiteCell.Speedup(b?.Case.Speedup),
                    SiteCell.T(f.InRun(f.Case.SpeedupBaseline)?.Kernel ?? f.Case.SpeedupBaseline ?? "—"), RunCell(f.Run));
            html = page.Table(table);
        }
        if (!gpu)
            return html;
        var summary = new SiteTable($"index-{g.Anchor}-kernel-geomean", $"{g.Gpu}: geometric mean over every graph measured (latest run per case; all graphs on the kernel page)",
            ["kernel", "k", "graphs", "geo-mean vs cuSPARSE ALG2", "min", "max", "geo-mean vs GNNAdvisor-style"]);
        foreach (var grp in rows.GroupBy(c => (c.Case.Kernel, c.Case.K)).OrderBy(x => x.Key.Kernel, StringComparer.Ordinal).ThenBy(x => x.Key.K))
        {
            var vs = grp.Select(c => c.VsAlg2).OfType<double>().ToList();
            summary.Add(SiteCell.T(grp.Key.Kernel), IntCell(grp.Key.K),
                SiteCell.Int(grp.Select(c => c.Case.Graph).Distinct().Count()), SiteCell.Speedup(SiteStats.GeoMean(vs.Select(v => (double?)v))),
                SiteCell.Speedup(vs.Count > 0 ? vs.Min() : null), SiteCell.Speedup(vs.Count > 0 ? vs.Max() : null),
                SiteCell.Speedup(SiteStats.GeoMean(grp.Select(c => c.VsGnnAdvisor))));
        }
        return html + page.Table(summary);
    }

    private static SiteCell IntCell(int v) => new(v.ToString(System.Globalization.CultureInfo.InvariantCulture), v);

    private static string EndToEnd(SitePage page, GpuGroup g, PaperNumbers paper)
    {
        var maxk = g.Training.Where(t => t.Record.IsMaxk && t.Record.Error is null && !t.Record.Uses(TrainingBackend.Pyg)).ToList();
        if (g.Training.Count == 0)
            return "<p class=\"empty\">No training runs recorded yet for this GPU.</p>\n";
        var table = new SiteTable($"index-{g.Anchor}-e2e", $"{g.Gpu}: end-to-end epoch-time speed-up of MaxK training, Amdahl prediction and limit from the same run, accuracy parity",
            ["dataset", "model", "k", "backend", "epoch ms", "vs cuSPARSE ReLU", "paper vs DGL", "vs GNNAdvisor-style ReLU", "paper vs GNNAdvisor",
             "p (baseline aggregation share)", "kernel speed-up s", "Amdahl prediction", "Amdahl limit", "paper limit (DGL)", "attainment of limit",
             "metric", "test metric", "ReLU test metric", "Δ metric", "paper Δ", "verified", "run"]);
        foreach (var (r, run) in maxk)
        {
            var baseline = TrainingComparisons.Baseline(r, run);
            var gnna = TrainingComparisons.Relu(r, run, TrainingBackend.GnnAdvisor);
            var p = paper.EndToEndAt(r.Dataset, r.Model, r.K);
            var limits = paper.LimitsFor(r.Dataset);
            table.Add(new SiteCell(r.Dataset + (r.DatasetSynthetic ? " (synthetic)" : ""), r.Dataset, Tip: r.DatasetLabel), SiteCell.T(r.Model),
                new SiteCell(r.K?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—", r.K), SiteCell.T(r.Backend),
                SiteCell.Num(r.EpochMsMedian, 2), SiteCell.Speedup(r.Speedup), SiteCell.Speedup(p?.SpeedupVsDgl),
                SiteCell.Speedup(TrainingComparisons.SpeedupAgainst(r, gnna)), SiteCell.Speedup(p?.SpeedupVsGnnadvisor),
                SiteCell.Num(baseline?.AggregationFraction, 3), SiteCell.Speedup(r.KernelSpeedup), SiteCell.Speedup(r.AmdahlPrediction),
                SiteCell.Speedup(r.AmdahlLimit), SiteCell.Speedup(limits?.Dgl), SiteCell.Pct(r.AmdahlAttainment),
                SiteCell.T(r.Metric), SiteCell.Pct(r.ComparableAccuracy), SiteCell.Pct(baseline?.ComparableAccuracy),
                new SiteCell(Delta(TrainingComparisons.AccuracyDelta(r, baseline)), TrainingComparisons.AccuracyDelta(r, baseline)),
                new SiteCell(Delta(p?.DeltaAccuracy), p?.DeltaAccuracy),
                new SiteCell(r.Verified ? "yes" : "NO", r.Verified, CssClass: r.Verified ? "ok" : "fail"), RunCell(run));
        }
        var note = maxk.Count == 0 ? "<p class=\"empty\">Training runs are recorded for this GPU, but none with MaxK yet.</p>\n"
            : $"<p class=\"note\">Test metrics are shown for runs of at least {SiteTrainingLabels.MinEpochsForAccuracy} epochs only: the timing runs train 13 epochs, far from converged.</p>\n";
        return note + page.Table(table);
    }

    /// <summary>A signed difference of fractions in percentage points, e.g. "+0.14 pp".</summary>
    internal static string Delta(double? d) => d is { } v ? (v >= 0 ? "+" : "−") + Html.N(Math.Abs(v) * 100, 2) + " pp" : "—";

    private static string PaperBlock(SitePage page, PaperNumbers paper)
    {
        var sb = new StringBuilder();
        if (paper.Headline is { } h)
            sb.Append($"<p><strong>Headline:</strong> {Html.E(h.Text)} <span class=\"note\">({Html.E(h.Source)})</span></p>\n");
        sb.Append($"<p>{Html.E(paper.Source)} {Html.E(paper.BaselineNote)}</p>\n");
        var limits = new SiteTable("paper-amdahl-limits", "Paper: Amdahl limits per dataset", ["dataset", "limit vs DGL", "limit vs GNNAdvisor", "source"]);
        foreach (var l in paper.AmdahlLimits)
            limits.Add(SiteCell.T(l.Dataset), SiteCell.Speedup(l.Dgl), SiteCell.Speedup(l.Gnnadvisor), SiteCell.T(l.Source));
        var e2e = new SiteTable("paper-end-to-end", "Paper: end-to-end speed-up and accuracy change against ReLU", ["dataset", "model", "k", "vs DGL", "vs GNNAdvisor", "Δ metric", "test metric", "source"]);
        foreach (var e in paper.EndToEnd)
            e2e.Add(SiteCell.T(e.Dataset), SiteCell.T(e.Model), new SiteCell(e.K.ToString(System.Globalization.CultureInfo.InvariantCulture), e.K), SiteCell.Speedup(e.SpeedupVsDgl),
                SiteCell.Speedup(e.SpeedupVsGnnadvisor), new SiteCell(Delta(e.DeltaAccuracy), e.DeltaAccuracy), SiteCell.Pct(e.TestAccuracy), SiteCell.T(e.Source));
        return sb + page.Table(limits) + page.Table(e2e);
    }

    private static string RunList(SitePage page, IReadOnlyList<SiteRun> runs)
    {
        var table = new SiteTable("index-runs", "All result files", ["run", "GPU", "suite", "commit", "started (UTC)", "kernel cases", "failed", "training records", "not run (why)"]);
        foreach (var r in runs)
        {
            var failed = r.Result.Cases.Count(c => c.Failed) + r.Training.Count(t => !t.Verified || t.Error is not null);
            table.Add(RunCell(r), SiteCell.T(r.GpuName), SiteCell.T(r.Result.Manifest.Suite),
                SiteCell.T(r.Result.Manifest.HarnessCommit[..Math.Min(8, r.Result.Manifest.HarnessCommit.Length)] + (r.Result.Manifest.HarnessDirty ? " (dirty)" : "")),
                SiteCell.T(r.Started.ToString("u", System.Globalization.CultureInfo.InvariantCulture)), SiteCell.Int(r.Result.Cases.Count),
                new SiteCell(Html.Count(failed), failed, CssClass: failed > 0 ? "fail" : "ok"), SiteCell.Int(r.Training.Count),
                SiteCell.T(r.Result.Skipped.Count == 0 ? "—" : string.Join("; ", r.Result.Skipped.Select(s => $"{s.What}: {s.Reason}"))));
        }
        return page.Table(table);
    }

    internal static SiteCell RunCell(SiteRun run) => new(run.Label, run.RelativePath, run.Page);
}
