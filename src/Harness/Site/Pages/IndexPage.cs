using System.Globalization;
using System.Text;
using MaxK.Harness.Analysis.Claims;
using MaxK.Harness.Analysis;
using MaxK.Harness.Kernels;
using MaxK.Harness.Paper;
using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site.Pages;

/// <summary>
/// index.html: the verdict in brief (the headline claims from <see cref="SiteModel.Claims"/>, every GPU side by side and
/// a link to the claims page), then per GPU the headline kernel speed-ups against cuSPARSE ALG2 and against the
/// GNNAdvisor-style kernel with the paper's values (A100) beside ours, the end-to-end speed-ups with Amdahl prediction,
/// limit and accuracy parity, and the two end-to-end goals; the paper's numbers; the list of runs with their roles.
/// Headline tables take headline runs only (<see cref="KernelFigures"/>, <see cref="TrainingFigures"/>), one row per
/// configuration from its newest headline run, linked in the "run" column.
/// </summary>
public static class IndexPage
{
    /// <summary>Claim ids shown in the verdict in brief: the headline end-to-end rows and the SSpMM averages.</summary>
    private static bool InBrief(ClaimRow r) => r.Id.StartsWith("e2e-reddit-sage-k16", StringComparison.Ordinal) || r.Section == ClaimSection.KernelAverage;

    public static SitePage Build(SiteModel model, SiteContent content)
    {
        var page = new SitePage("index.html", "index", "MaxK-GNN Bench: results");
        page.IntroHtml = content.Page("index");
        if (model.Runs.Where(r => r.Local).ToList() is { Count: > 0 } local)
        {
            page.Sections.Add(new SiteSection("local", "Your local runs", "<p class=\"warn-box\"><strong>Local</strong>: this site also shows "
                + $"{Html.Count(local.Count)} run(s) of your own, not committed, marked “(local)” wherever they appear: "
                + string.Join(", ", local.Select(r => $"<a href=\"{Html.E(r.Page)}\">{Html.E(r.Label)}</a> ({Html.E(r.GpuName)}, {Html.E(r.Role.Word())})")) + ".</p>\n"));
        }
        page.Sections.Add(new SiteSection("verdict", "The verdict in brief", Brief(model)));
        if (model.Groups.Count == 0)
            page.Sections.Add(new SiteSection("no-results", "No results", "<p class=\"empty\">No result files were found.</p>"));
        else
            page.Sections.Add(new SiteSection("gpus", "GPUs", page.Table(Gpus(model))));
        foreach (var g in model.Groups)
        {
            var latest = g.Runs[^1];
            var html = new StringBuilder();
            html.Append($"<p>{Html.Count(g.Runs.Count)} result file(s) ({RoleCounts(g.Runs)}); newest: <a href=\"{Html.E(latest.Page)}\">{Html.E(latest.Label)}</a> ({Html.E(latest.Started.ToString("u", CultureInfo.InvariantCulture))}). ")
                .Append($"Headline tables use headline runs only. Details on the <a href=\"kernels.html#{Html.E(g.Anchor)}\">kernel page</a> and the <a href=\"training.html#{Html.E(g.Anchor)}\">training page</a>.</p>\n");
            page.Sections.Add(new SiteSection(g.Anchor, g.Gpu, html.ToString()));
            page.Sections.Add(new SiteSection(g.Anchor + "-kernels", $"{g.Gpu}: kernel speed-ups", IndexKernelTables.Build(page, model, g), 3));
            page.Sections.Add(new SiteSection(g.Anchor + "-e2e", $"{g.Gpu}: end-to-end training, Amdahl and accuracy", EndToEnd(page, model, g), 3));
            if (g.Gpu != AnalysisRun.CpuOnly)
                page.Sections.Add(new SiteSection(g.Anchor + "-goals", $"{g.Gpu}: end-to-end goals", GoalTables.Build(page, model, g, "index"), 3));
        }
        page.Sections.Add(new SiteSection("paper", "The paper's numbers", PaperBlock(page, model.Paper)));
        page.Sections.Add(new SiteSection("runs", "Runs", RunList(page, model.Runs)));
        return page;
    }

    private static string Brief(SiteModel model)
    {
        var report = model.Claims;
        var rows = report.Rows.Where(InBrief).ToList();
        var sb = new StringBuilder();
        sb.Append($"<p><a href=\"claims.html\"><strong>All {Html.Count(report.Rows.Count)} claims of the paper, one by one</strong></a>: ")
          .Append(string.Join(", ", report.Counts.Select(c => $"{Html.Count(c.Count)} {Html.E(c.Verdict.Word())}")))
          .Append($". The paper's numbers are from an <strong>{Html.E(report.PaperGpu)}</strong>; ours from ")
          .Append(report.Gpus.Count == 0 ? "no GPU yet" : string.Join(" and ", report.Gpus.Select(g => $"the <strong>{Html.E(g)}</strong>")))
          .Append(". The headline claims:</p>\n");
        return sb + (rows.Count == 0 ? "<p class=\"empty\">No claim rows.</p>\n" : ClaimsPage.Table(model, rows, report, compact: true));
    }

    private static string RoleCounts(IEnumerable<SiteRun> runs) =>
        string.Join(", ", Enum.GetValues<RunRole>().Select(role => (role, n: runs.Count(r => r.Role == role))).Where(x => x.n > 0).Select(x => $"{Html.Count(x.n)} {x.role.Word()}"));

    private static SiteTable Gpus(SiteModel model)
    {
        var table = new SiteTable("index-gpus", "Every GPU in the results, side by side (the paper's GPU: A100)",
            ["GPU", "result files", "newest headline run", "kernel cases (headline)", "training records (headline)", "local runs"]);
        foreach (var g in model.Groups)
        {
            var newest = g.Runs.LastOrDefault(r => r.Role == RunRole.Headline);
            table.Add(new SiteCell(g.Gpu, g.Gpu, "#" + g.Anchor), SiteCell.T(RoleCounts(g.Runs)), newest is null ? SiteCell.T("none yet") : RunCell(newest),
                SiteCell.Int(g.Cases.Count(c => !c.IsDiagnostic)), SiteCell.Int(g.Training.Count), SiteCell.Int(g.Runs.Count(r => r.Local)));
        }
        return table;
    }

    internal static SiteCell IntCell(int v) => new(v.ToString(CultureInfo.InvariantCulture), v);

    private static string EndToEnd(SitePage page, SiteModel model, GpuGroup g)
    {
        var configs = model.Training.Configs(g.Gpu).Where(c => c.IsMaxk && c.Backend != TrainingFigures.PygBackend).ToList();
        if (configs.Count == 0)
            return g.Training.Count == 0 && g.OtherTraining.Count == 0 ? "<p class=\"empty\">No training runs recorded yet for this GPU.</p>\n"
                : "<p class=\"empty\">No MaxK training in a headline run of this GPU yet (diagnostic and probe runs are on the training page).</p>\n";
        var table = new SiteTable($"index-{g.Anchor}-e2e", $"{g.Gpu}: end-to-end epoch-time speed-up of MaxK training, Amdahl prediction and limit from the same run, accuracy parity",
            ["dataset", "model", "k", "epoch ms", "vs cuSPARSE ReLU", "paper vs DGL (A100)", "vs GNNAdvisor-style ReLU (own decider)", "paper vs GNNAdvisor (A100)",
             "Amdahl limit", "paper limit vs DGL (A100)", "share of limit", "Δ metric (converged seeds; paper's on the claims page)", "run"]);
        foreach (var config in configs)
        {
            if (model.Training.Timing(config) is not { } pick)
                continue;
            var r = pick.Record;
            var baseline = pick.Baseline;
            var gnna = pick.Relu(TrainingFigures.GnnAdvisorBackend);
            var p = model.Paper.EndToEndAt(r.Dataset, r.Model, r.K);
            var limits = model.Paper.LimitsFor(r.Dataset);
            var parity = model.Training.Parity(config);
            table.Add(new SiteCell(r.Dataset + (r.DatasetSynthetic ? " (synthetic)" : ""), r.Dataset, Tip: r.DatasetLabel), SiteCell.T(r.Model),
                new SiteCell(r.K?.ToString(CultureInfo.InvariantCulture) ?? "—", r.K), SiteCell.Num(r.EpochMsMedian, 2), SiteCell.Speedup(r.Speedup), SiteCell.Speedup(p?.SpeedupVsDgl),
                SiteCell.Speedup(TrainingComparisons.SpeedupAgainst(r, gnna?.Record)), SiteCell.Speedup(p?.SpeedupVsGnnadvisor),
                new SiteCell(Html.X(r.AmdahlLimit), r.AmdahlLimit, CssClass: SiteCell.Number,
                    Tip: (baseline?.Record.AggregationFraction is { } bp ? $"p = {Html.N(bp, 3)} (baseline aggregation share); " : "") + $"Amdahl prediction {Html.X(r.AmdahlPrediction)}"),
                SiteCell.Speedup(limits?.Dgl), SiteCell.Pct(r.AmdahlAttainment), ParityCell(parity, pick), RunCell(model.Run(pick.Run)));
        }
        return $"<p class=\"note\">One row per configuration, from its newest headline run (there, the record with its baselines beside it, then the most epochs). Δ metric: MaxK − ReLU test metric averaged over "
            + $"the seeds where both converged (at least {TrainingConvergence.MinEpochs} epochs, clear of chance, no longer improving); timing runs train 13 epochs and have none. "
            + "Share of limit = speed-up / Amdahl limit (MaxK runs only). The Amdahl prediction is in the limit's hover text and on the training page.</p>\n" + page.Table(table);
    }

    /// <summary>The mean Δ over converged seeds, or why there is none (timing only, unconverged), flagged.</summary>
    internal static SiteCell ParityCell(AccuracyParity parity, TrainingPick pick)
    {
        if (parity.MeanDelta is { } d)
            return new SiteCell($"{Delta(d)} ({parity.Converged.Count} seed{(parity.Converged.Count == 1 ? "" : "s")}"
                + (parity.Unconverged.Count > 0 ? $"; {parity.Unconverged.Count} unconverged left out)" : ")"), d, CssClass: SiteCell.Number,
                Tip: string.Join("; ", parity.Converged.Select(s => $"seed {s.Seed}: {Delta(s.Delta)}")));
        if (parity.Unconverged.Count > 0)
        {
            var u = parity.Unconverged[0];
            var why = TrainingConvergence.Of(u.Maxk.Record) == ConvergenceStatus.Converged ? u.Relu.Record : u.Maxk.Record;
            return new SiteCell("unconverged", null, CssClass: "warn", Tip: $"seed {u.Seed}: {TrainingConvergence.Describe(why)}");
        }
        return new SiteCell(pick.Record.Epochs < TrainingConvergence.MinEpochs ? "timing only" : "—", null);
    }

    /// <summary>A signed difference of fractions in percentage points, e.g. "+0.14 pp".</summary>
    internal static string Delta(double? d) => d is { } v ? (v >= 0 ? "+" : "−") + Html.N(Math.Abs(v) * 100, 2) + " pp" : "—";

    private static string PaperBlock(SitePage page, PaperNumbers paper)
    {
        var sb = new StringBuilder();
        if (paper.Headline is { } h)
            sb.Append($"<p><strong>Headline ({Html.E(paper.PaperGpu)}):</strong> {Html.E(h.Text)} <span class=\"note\">({Html.E(h.Source)})</span></p>\n");
        sb.Append($"<p>{Html.E(paper.Source)} The paper's GPU: {Html.E(paper.PaperGpuNote)} {Html.E(paper.BaselineNote)}</p>\n");
        var limits = new SiteTable("paper-amdahl-limits", $"Paper ({paper.PaperGpu}): Amdahl limits per dataset", ["dataset", "limit vs DGL", "limit vs GNNAdvisor", "source"]);
        foreach (var l in paper.AmdahlLimits)
            limits.Add(SiteCell.T(l.Dataset), SiteCell.Speedup(l.Dgl), SiteCell.Speedup(l.Gnnadvisor), SiteCell.T(l.Source));
        var e2e = new SiteTable("paper-end-to-end", $"Paper ({paper.PaperGpu}): end-to-end speed-up and accuracy change against ReLU", ["dataset", "model", "k", "vs DGL", "vs GNNAdvisor", "Δ metric", "test metric", "source"]);
        foreach (var e in paper.EndToEnd)
            e2e.Add(SiteCell.T(e.Dataset), SiteCell.T(e.Model), new SiteCell(e.K.ToString(CultureInfo.InvariantCulture), e.K), SiteCell.Speedup(e.SpeedupVsDgl),
                SiteCell.Speedup(e.SpeedupVsGnnadvisor), new SiteCell(Delta(e.DeltaAccuracy), e.DeltaAccuracy), SiteCell.Pct(e.TestAccuracy), SiteCell.T(e.Source));
        return sb + page.Table(limits) + page.Table(e2e);
    }

    private static string RunList(SitePage page, IReadOnlyList<SiteRun> runs)
    {
        var table = new SiteTable("index-runs", "All result files (role: headline runs fill the headline tables; diagnostic and probe runs never do)",
            ["run", "GPU", "suite", "role", "commit", "started (UTC)", "kernel cases", "failed", "peer records", "training records", "not run (why)"]);
        foreach (var r in runs)
        {
            var failed = RunPage.Failures(r);
            var peers = r.Result.Cases.Count(c => c.Peer) + r.Training.Count(RunPage.IsPeer);
            table.Add(RunCell(r), SiteCell.T(r.GpuName), SiteCell.T(r.Result.Manifest.Suite), SiteCell.T(r.Role.Word() + (r.Local ? " · local" : "")),
                SiteCell.T(r.Result.Manifest.HarnessCommit[..Math.Min(8, r.Result.Manifest.HarnessCommit.Length)] + (r.Result.Manifest.HarnessDirty ? " (dirty)" : "")),
                SiteCell.T(r.Started.ToString("u", CultureInfo.InvariantCulture)), SiteCell.Int(r.Result.Cases.Count),
                new SiteCell(Html.Count(failed), failed, CssClass: failed > 0 ? "fail" : "ok"), SiteCell.Int(peers), SiteCell.Int(r.Training.Count),
                SiteCell.T(r.Result.Skipped.Count == 0 ? "—" : string.Join("; ", r.Result.Skipped.Select(s => $"{s.What}: {s.Reason}"))));
        }
        return page.Table(table);
    }

    internal static SiteCell RunCell(SiteRun run) => new(run.Label, run.RelativePath, run.Page, CssClass: "run", Tip: $"{run.RelativePath} ({run.Role.Word()}{(run.Local ? ", local" : "")})");

    /// <summary>Kernel ids the index reads, through <see cref="KernelNames"/>.</summary>
    internal static readonly string[] HeadlineKernels = [KernelNames.MaxKForward, KernelNames.MaxKBackward];
}
