using System.Globalization;
using System.Text;
using MaxK.Harness.Analysis;
using MaxK.Harness.Kernels;
using MaxK.Harness.Results;
using MaxK.Harness.Site.Charts;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site.Pages;

/// <summary>
/// training.html: per GPU the latest headline training records, the two end-to-end goals (<see cref="GoalTables"/>), and
/// per training setting (dataset, model, hidden, layers, seed) of headline runs the epoch-time breakdown as stacked bars
/// (a peer without a phase breakdown as one "whole epoch" bar), measured speed-up against Amdahl's prediction and limit
/// over k, accuracy against k (unconverged runs flagged; a single k as a table), and PyG beside us where it was measured.
/// Training records of diagnostic and probe runs follow in their own table, never in a chart of the settings.
/// </summary>
public static class TrainingPage
{
    public static SitePage Build(SiteModel model, SiteContent content)
    {
        var page = new SitePage("training.html", "training", "Training");
        page.IntroHtml = content.Page("training");
        if (model.Groups.Count == 0)
            page.Sections.Add(new SiteSection("no-results", "No results", "<p class=\"empty\">No result files were found.</p>"));
        foreach (var g in model.Groups)
        {
            if (g.Training.Count + g.OtherTraining.Count == 0)
            {
                page.Sections.Add(new SiteSection(g.Anchor, g.Gpu, "<p class=\"empty\">No training runs recorded yet for this GPU.</p>\n"));
                continue;
            }
            page.Sections.Add(new SiteSection(g.Anchor, g.Gpu, g.Training.Count == 0 ? "<p class=\"empty\">No training in a headline run of this GPU yet.</p>\n" : Records(page, g)));
            if (g.Gpu != Analysis.AnalysisRun.CpuOnly)
                page.Sections.Add(new SiteSection(g.Anchor + "-goals", $"{g.Gpu}: end-to-end goals", GoalTables.Build(page, model, g, "training"), 3));
            foreach (var setting in g.Training.GroupBy(t => t.Record.SettingKey, StringComparer.Ordinal))
                page.Sections.Add(Setting(page, g, setting.ToList()));
            if (g.OtherTraining.Count > 0)
                page.Sections.Add(new SiteSection(g.Anchor + "-other", $"{g.Gpu}: diagnostic and probe runs", OtherTable(page, g), 3));
        }
        return page;
    }

    private static SiteSection Setting(SitePage page, GpuGroup g, List<(TrainingRecord Record, SiteRun Run)> items)
    {
        var r0 = items[0].Record;
        var title = $"{r0.Dataset} · {r0.Model} · hidden {r0.Hidden} · {r0.Layers} layers · seed {r0.Seed}";
        var id = g.Anchor + "-" + Html.Slug(r0.SettingKey.Replace('|', '-'));
        var html = new StringBuilder();
        foreach (var (bad, _) in items.Where(t => t.Record.Error is not null || t.Record.EpochMsMedian is null))
        {
            html.Append(RunPage.IsPeer(bad)
                ? $"<p class=\"note\">{Html.E(bad.ShortLabel)} (peer) failed to run: {Html.E(FirstSentence(bad.Error ?? "no epoch time recorded"))}</p>\n"
                : $"<p class=\"fail\">{Html.E(bad.ShortLabel)} failed: {Html.E(bad.Error ?? "no epoch time recorded")}</p>\n");
        }
        var ok = items.Where(t => t.Record.Error is null && t.Record.EpochMsMedian is not null).ToList();
        if (ok.Count > 0)
        {
            html.Append(ConvergenceWarning(ok));
            html.Append("<div class=\"charts\">\n");
            html.Append(Breakdown(ok, title, id));
            html.Append(SpeedupVsK(ok, title, id));
            html.Append(AccuracyVsK(ok, title, id));
            html.Append("</div>\n");
            if (ok.Any(t => RunPage.IsPeer(t.Record)))
                html.Append(page.Table(PygTable(ok, $"training-{id}-pyg", $"{g.Gpu}: {title}: PyG beside us")));
        }
        return new SiteSection(id, $"{g.Gpu}: {title}", html.ToString(), 3);
    }

    private static string FirstSentence(string error)
    {
        var dot = error.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? error[..(dot + 1)] : error;
    }

    /// <summary>
    /// One bar per record: its phases, or for a record without a phase breakdown (a peer such as PyG reports only the epoch,
    /// its phases as zeros) a single "whole epoch" segment, so its bar shows its real height.
    /// </summary>
    private static string Breakdown(List<(TrainingRecord Record, SiteRun Run)> items, string title, string id)
    {
        static bool HasPhases(TrainingRecord r) => r.Phases is { } p && p.Values.Sum() > 0;
        var whole = items.Any(t => !HasPhases(t.Record) && t.Record.EpochMsMedian is not null);
        var parts = whole ? SitePhaseTimes.Names.Append(WholeEpoch).ToList() : [.. SitePhaseTimes.Names];
        var chart = new SvgStackedBarChart { Title = $"Epoch time by phase: {title}", YLabel = "median epoch time (ms)", Parts = parts };
        foreach (var (r, _) in items)
        {
            if (HasPhases(r))
                chart.Bars.Add((r.ShortLabel, whole ? [.. r.Phases!.Values, 0] : r.Phases!.Values));
            else if (r.EpochMsMedian is { } epoch)
                chart.Bars.Add((r.ShortLabel + " (no phases)", [.. SitePhaseTimes.Names.Select(_ => 0.0), epoch]));
        }
        return chart.Bars.Count == 0 ? "<p class=\"empty\">No phase breakdown recorded.</p>\n" : chart.Render("chart-" + id + "-phases");
    }

    /// <summary>The stack segment of a record without a phase breakdown.</summary>
    private const string WholeEpoch = "whole epoch (no phase breakdown)";

    private static string SpeedupVsK(List<(TrainingRecord Record, SiteRun Run)> items, string title, string id)
    {
        var maxk = items.Where(t => t.Record.IsMaxk && t.Record.K is > 0 && t.Record.Speedup is not null && !RunPage.IsPeer(t.Record)).ToList();
        if (maxk.Count == 0)
            return "";
        var chart = new SvgLineChart { Title = $"Speed-up against k: {title}", XLabel = "k (log scale)", YLabel = "epoch speed-up over ReLU baseline (×)", XLogBase = 2 };
        string Tip(TrainingRecord r, string what, double? v) => $"{r.ShortLabel}: {what} {Html.X(v)}";
        chart.Series.Add(new ChartSeries("measured", maxk.Select(t => new ChartPoint(t.Record.K!.Value, t.Record.Speedup!.Value, Tip(t.Record, "measured", t.Record.Speedup))).ToList()));
        chart.Series.Add(new ChartSeries("Amdahl prediction", maxk.Where(t => t.Record.AmdahlPrediction is not null)
            .Select(t => new ChartPoint(t.Record.K!.Value, t.Record.AmdahlPrediction!.Value, Tip(t.Record, "Amdahl prediction", t.Record.AmdahlPrediction))).ToList(), Dashed: true));
        foreach (var limit in maxk.Select(t => t.Record.AmdahlLimit).OfType<double>().Distinct().Order())
            chart.References.Add(new ReferenceLine($"Amdahl limit {Html.X(limit)}", limit));
        chart.References.Add(new ReferenceLine("baseline (1×)", 1));
        return chart.Render("chart-" + id + "-speedup");
    }

    private static string AccuracyVsK(List<(TrainingRecord Record, SiteRun Run)> items, string title, string id)
    {
        var metric = items[0].Record.Metric;
        var shown = items.Where(t => t.Record.ComparableAccuracy is not null).ToList();
        var unconverged = shown.Count > 0 && shown.All(t => TrainingConvergence.Of(t.Record) != ConvergenceStatus.Converged);
        var chart = new SvgLineChart
        {
            Title = $"Test {metric} against k: {title}" + (unconverged ? " (UNCONVERGED)" : ""), XLabel = "k (log scale)", YLabel = $"test {metric} (%)", XLogBase = 2, YFromZero = false,
        };
        foreach (var backend in items.Where(t => t.Record.IsMaxk && t.Record.K is > 0).Select(t => t.Record.Backend).Distinct().Order(StringComparer.Ordinal))
        {
            var series = new ChartSeries($"MaxK ({backend})", items.Where(t => t.Record.IsMaxk && t.Record.Backend == backend && t.Record.K is > 0 && t.Record.ComparableAccuracy is not null)
                .Select(t => new ChartPoint(t.Record.K!.Value, t.Record.ComparableAccuracy!.Value * 100,
                    $"{t.Record.ShortLabel}: {Html.Pct(t.Record.ComparableAccuracy)} ({TrainingConvergence.Describe(t.Record)})")).ToList());
            if (series.Points.Count > 0)
                chart.Series.Add(series);
        }
        foreach (var (r, _) in items.Where(t => !t.Record.IsMaxk && t.Record.ComparableAccuracy is not null))
            chart.References.Add(new ReferenceLine($"ReLU {r.Backend} {Html.Pct(r.ComparableAccuracy)}" + (TrainingConvergence.Of(r) == ConvergenceStatus.Converged ? "" : " (unconverged)"), r.ComparableAccuracy!.Value * 100));
        return chart.Series.Count == 0 ? "" : chart.Render("chart-" + id + "-accuracy");
    }

    /// <summary>A warning naming every run of the setting whose accuracy is not final (<see cref="TrainingConvergence"/>), or "".</summary>
    private static string ConvergenceWarning(List<(TrainingRecord Record, SiteRun Run)> items)
    {
        var bad = items.Where(t => t.Record.Epochs >= TrainingConvergence.MinEpochs && TrainingConvergence.Of(t.Record) is ConvergenceStatus.NearChance or ConvergenceStatus.StillImproving).ToList();
        return bad.Count == 0 ? ""
            : "<p class=\"warn-box\"><strong>Unconverged</strong>: the accuracy of these runs is not final, so it is never compared as parity: "
              + string.Join("; ", bad.Select(t => $"{Html.E(t.Record.ShortLabel)}: {Html.E(TrainingConvergence.Describe(t.Record)["unconverged: ".Length..])} (test {Html.E(Html.Pct(t.Record.TestAccuracy))})")) + ".</p>\n";
    }

    private static SiteTable PygTable(List<(TrainingRecord Record, SiteRun Run)> items, string tableId, string title)
    {
        var table = new SiteTable(tableId, title, ["nonlinearity", "k", "ours: backend", "ours: epoch ms", "PyG: epoch ms", "PyG / ours (×)", "ours: test metric", "PyG: test metric", "PyG implementation", "run"]);
        foreach (var (pyg, run) in items.Where(t => RunPage.IsPeer(t.Record)))
        {
            var ours = items.Select(t => t.Record).FirstOrDefault(t => !RunPage.IsPeer(t) && t.Backend != TrainingFigures.GnnAdvisorBackend && t.Nonlinearity == pyg.Nonlinearity && t.K == pyg.K && t.Device == pyg.Device);
            table.Add(SiteCell.T(pyg.Nonlinearity), new SiteCell(pyg.K?.ToString(CultureInfo.InvariantCulture) ?? "—", pyg.K), SiteCell.T(ours?.Backend),
                SiteCell.Num(ours?.EpochMsMedian, 2), SiteCell.Num(pyg.EpochMsMedian, 2), SiteCell.Speedup(TrainingComparisons.SpeedupAgainst(ours ?? pyg, ours is null ? null : pyg)),
                SiteCell.Pct(ours?.ComparableAccuracy), SiteCell.Pct(pyg.ComparableAccuracy), SiteCell.T(pyg.Implementation), IndexPage.RunCell(run));
        }
        return table;
    }

    /// <summary>"yes", "NO", or "peer (never verified)" for a PyG record that ran.</summary>
    internal static SiteCell VerifiedCell(TrainingRecord t) => RunPage.IsPeer(t) && t.Error is null
        ? new SiteCell("peer (never verified)", false, CssClass: "note", Tip: t.VerificationReference)
        : RunPage.IsPeer(t) ? new SiteCell("peer failed to run", false, CssClass: "note", Tip: t.Error)
        : new SiteCell(t.Verified ? "yes" : "NO", t.Verified, CssClass: t.Verified ? "ok" : "fail");

    /// <summary>The latest records of headline runs: a download (a long, wide table), with a line saying where.</summary>
    private static string Records(SitePage page, GpuGroup g)
    {
        var table = page.Offer(RecordTable(g));
        var unconverged = g.Training.Count(t => TrainingConvergence.Of(t.Record) is ConvergenceStatus.NearChance or ConvergenceStatus.StillImproving);
        return $"<p>{Html.Count(table.Rows.Count)} latest training record(s) of headline runs ({Html.Count(unconverged)} unconverged), with epoch times, phases, Amdahl figures, "
            + $"accuracy status and verification: <a href=\"{Html.E(table.CsvPath)}\">CSV</a> · <a href=\"{Html.E(table.JsonPath)}\">JSON</a> (listed on the <a href=\"downloads.html\">downloads page</a>). "
            + "Below: the end-to-end goals (GPU runs), then one section per training setting.</p>\n";
    }

    private static SiteTable RecordTable(GpuGroup g)
    {
        var table = new SiteTable($"training-{g.Anchor}-records", $"{g.Gpu}: latest training records of headline runs",
            ["dataset", "model", "nonlinearity", "k", "backend", "implementation", "hidden", "layers", "epochs", "epoch ms (median)", "95% CI ms",
             "aggregation ms", "p (aggregation share)", "speed-up", "kernel speed-up s", "Amdahl prediction", "Amdahl limit", "attainment (MaxK)", "metric", "test metric", "accuracy status", "verified", "error", "run"]);
        foreach (var (r, run) in g.Training)
        {
            table.Add(new SiteCell(r.Dataset + (r.DatasetSynthetic ? " (synthetic)" : ""), r.Dataset, Tip: r.DatasetLabel), SiteCell.T(r.Model), SiteCell.T(r.Nonlinearity),
                new SiteCell(r.K?.ToString(CultureInfo.InvariantCulture) ?? "—", r.K), SiteCell.T(r.Backend), SiteCell.T(r.Implementation),
                new SiteCell(r.Hidden.ToString(CultureInfo.InvariantCulture), r.Hidden), new SiteCell(r.Layers.ToString(CultureInfo.InvariantCulture), r.Layers),
                new SiteCell(r.Epochs.ToString(CultureInfo.InvariantCulture), r.Epochs), SiteCell.Num(r.EpochMsMedian, 2),
                new SiteCell(r.EpochMsCi95Low is null ? "—" : $"{Html.N(r.EpochMsCi95Low, 2)}–{Html.N(r.EpochMsCi95High, 2)}", r.EpochMsCi95Low is null ? null : $"{Html.R(r.EpochMsCi95Low.Value)}..{Html.R(r.EpochMsCi95High ?? double.NaN)}"),
                SiteCell.Num(r.AggregationMsMedian, 2), SiteCell.Num(r.AggregationFraction, 3), SiteCell.Speedup(r.Speedup), SiteCell.Speedup(r.KernelSpeedup),
                SiteCell.Speedup(r.IsMaxk ? r.AmdahlPrediction : null), SiteCell.Speedup(r.AmdahlLimit), SiteCell.Pct(r.IsMaxk ? r.AmdahlAttainment : null), SiteCell.T(r.Metric),
                SiteCell.Pct(r.TestAccuracy), Status(r), VerifiedCell(r), SiteCell.T(r.Error is null ? "" : FirstSentence(r.Error)), IndexPage.RunCell(run));
        }
        return table;
    }

    private static SiteCell Status(TrainingRecord r)
    {
        var status = TrainingConvergence.Of(r);
        return new SiteCell(TrainingConvergence.Describe(r), status.ToString(), CssClass: status is ConvergenceStatus.NearChance or ConvergenceStatus.StillImproving ? "warn" : null);
    }

    private static string OtherTable(SitePage page, GpuGroup g)
    {
        var table = new SiteTable($"training-{g.Anchor}-other", $"{g.Gpu}: training records of diagnostic and probe runs (never in a headline)",
            ["run", "role", "dataset", "model", "nonlinearity", "k", "backend", "epochs", "epoch ms (median)", "speed-up", "test metric", "accuracy status"]);
        foreach (var (r, run) in g.OtherTraining)
        {
            table.Add(IndexPage.RunCell(run), SiteCell.T(run.Role.Word()), new SiteCell(r.Dataset + (r.DatasetSynthetic ? " (synthetic)" : ""), r.Dataset, Tip: r.DatasetLabel),
                SiteCell.T(r.Model), SiteCell.T(r.Nonlinearity), new SiteCell(r.K?.ToString(CultureInfo.InvariantCulture) ?? "—", r.K), SiteCell.T(r.Backend),
                new SiteCell(r.Epochs.ToString(CultureInfo.InvariantCulture), r.Epochs), SiteCell.Num(r.EpochMsMedian, 2), SiteCell.Speedup(r.Speedup),
                SiteCell.Pct(r.TestAccuracy), Status(r));
        }
        return "<p class=\"note\">Diagnostic runs measure what explains other numbers (the loads-only floors of goal (a)); probes are one-off runs (single <code>maxk train</code> "
            + "runs, learning-rate and homophily probes). Neither fills a headline table or a claim.</p>\n" + page.Table(table);
    }
}
