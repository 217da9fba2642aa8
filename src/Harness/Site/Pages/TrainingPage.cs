using System.Globalization;
using System.Text;
using MaxK.Harness.Analysis;
using MaxK.Harness.Kernels;
using MaxK.Harness.Results;
using MaxK.Harness.Site.Charts;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site.Pages;

/// <summary>
/// training.html: per GPU and training setting (dataset, model, hidden, layers, seed), the epoch-time breakdown as
/// stacked bars, measured speed-up against Amdahl's prediction and limit over k (with the attainment ceiling of the
/// loads-only floors and the 85 % target where the run measured floor cases), accuracy against k, and PyG beside us where
/// it was measured; or "no training runs recorded yet for this GPU".
/// </summary>
public static class TrainingPage
{
    public static SitePage Build(IReadOnlyList<GpuGroup> groups, SiteContent content)
    {
        var page = new SitePage("training.html", "training", "Training");
        page.IntroHtml = content.Page("training");
        if (groups.Count == 0)
            page.Sections.Add(new SiteSection("no-results", "No results", "<p class=\"empty\">No result files were found.</p>"));
        foreach (var g in groups)
        {
            if (g.Training.Count == 0)
            {
                page.Sections.Add(new SiteSection(g.Anchor, g.Gpu, "<p class=\"empty\">No training runs recorded yet for this GPU.</p>\n"));
                continue;
            }
            page.Sections.Add(new SiteSection(g.Anchor, g.Gpu, page.Table(RecordTable(g))));
            foreach (var setting in g.Training.GroupBy(t => t.Record.SettingKey, StringComparer.Ordinal))
            {
                var items = setting.ToList();
                var r0 = items[0].Record;
                var title = $"{r0.Dataset} · {r0.Model} · hidden {r0.Hidden} · {r0.Layers} layers · seed {r0.Seed}";
                var id = g.Anchor + "-" + Html.Slug(setting.Key.Replace('|', '-'));
                var html = new StringBuilder();
                var ok = items.Where(t => t.Record.Error is null && t.Record.EpochMsMedian is not null).ToList();
                foreach (var (bad, _) in items.Where(t => t.Record.Error is not null || t.Record.EpochMsMedian is null))
                    html.Append($"<p class=\"fail\">{Html.E(bad.ShortLabel)} failed: {Html.E(bad.Error ?? "no epoch time recorded")}</p>\n");
                if (ok.Count == 0)
                {
                    page.Sections.Add(new SiteSection(id, $"{g.Gpu}: {title}", html.ToString(), 3));
                    continue;
                }
                items = ok;
                html.Append("<div class=\"charts\">\n");
                html.Append(Breakdown(items, title, id));
                html.Append(SpeedupVsK(items, title, id));
                html.Append(AccuracyVsK(items, title, id));
                html.Append("</div>\n");
                html.Append(CeilingTable(page, items, title, id));
                html.Append(items.Any(t => t.Record.Uses(TrainingBackend.Pyg))
                    ? page.Table(PygTable(items, $"training-{id}-pyg", $"{g.Gpu}: {title}: PyG beside us"))
                    : "<p class=\"empty\">PyG was not measured in this setting.</p>\n");
                page.Sections.Add(new SiteSection(id, $"{g.Gpu}: {title}", html.ToString(), 3));
            }
        }
        return page;
    }

    private static string Breakdown(List<(TrainingRecord Record, SiteRun Run)> items, string title, string id)
    {
        var chart = new SvgStackedBarChart { Title = $"Epoch time by phase: {title}", YLabel = "median epoch time (ms)", Parts = SitePhaseTimes.Names };
        foreach (var (r, _) in items.Where(t => t.Record.Error is null))
        {
            if (r.Phases is { } phases)
                chart.Bars.Add((r.ShortLabel, phases.Values));
        }
        return chart.Bars.Count == 0 ? "<p class=\"empty\">No phase breakdown recorded.</p>\n" : chart.Render("chart-" + id + "-phases");
    }

    private static string SpeedupVsK(List<(TrainingRecord Record, SiteRun Run)> items, string title, string id)
    {
        var maxk = items.Where(t => t.Record.IsMaxk && t.Record.K is > 0 && t.Record.Speedup is not null && !t.Record.Uses(TrainingBackend.Pyg)).ToList();
        if (maxk.Count == 0)
            return "<p class=\"empty\">No MaxK run with a baseline in this setting: no speed-up chart.</p>\n";
        var chart = new SvgLineChart { Title = $"Speed-up against k: {title}", XLabel = "k (log scale)", YLabel = "epoch speed-up over ReLU baseline (×)", XLogBase = 2 };
        string Tip(TrainingRecord r, string what, double? v) => $"{r.ShortLabel}: {what} {Html.X(v)}";
        chart.Series.Add(new ChartSeries("measured", maxk.Select(t => new ChartPoint(t.Record.K!.Value, t.Record.Speedup!.Value, Tip(t.Record, "measured", t.Record.Speedup))).ToList()));
        chart.Series.Add(new ChartSeries("Amdahl prediction", maxk.Where(t => t.Record.AmdahlPrediction is not null)
            .Select(t => new ChartPoint(t.Record.K!.Value, t.Record.AmdahlPrediction!.Value, Tip(t.Record, "Amdahl prediction", t.Record.AmdahlPrediction))).ToList(), Dashed: true));
        var ceilings = maxk.Select(t => (t.Record, Ceiling: TrainingComparisons.Ceiling(t.Record, t.Run))).Where(x => x.Ceiling is not null).ToList();
        if (ceilings.Count > 0)
            chart.Series.Add(new ChartSeries("every aggregation at the loads-only floor (diagnostic)", ceilings.Select(x => new ChartPoint(x.Record.K!.Value,
                x.Ceiling!.BaselineEpochMs / x.Ceiling.FloorEpochMs, Tip(x.Record, "with loads-only floor kernels", x.Ceiling.BaselineEpochMs / x.Ceiling.FloorEpochMs))).ToList(), Dashed: true));
        foreach (var limit in maxk.Select(t => t.Record.AmdahlLimit).OfType<double>().Distinct().Order())
        {
            chart.References.Add(new ReferenceLine($"Amdahl limit {Html.X(limit)}", limit));
            if (ceilings.Count > 0)
                chart.References.Add(new ReferenceLine($"{Html.Pct(AttainmentCeiling.Target)} of the limit (target) {Html.X(AttainmentCeiling.Target * limit)}", AttainmentCeiling.Target * limit));
        }
        chart.References.Add(new ReferenceLine("baseline (1×)", 1));
        return chart.Render("chart-" + id + "-speedup");
    }

    /// <summary>
    /// Measured attainment beside the attainment ceiling and the target, with the ceiling's inputs, for the MaxK runs whose
    /// result file has loads-only floor cases; "" when none has (the page is then unchanged).
    /// </summary>
    private static string CeilingTable(SitePage page, List<(TrainingRecord Record, SiteRun Run)> items, string title, string id)
    {
        var rows = items.Where(t => t.Record.IsMaxk && !t.Record.Uses(TrainingBackend.Pyg))
            .Select(t => (t.Record, t.Run, Ceiling: TrainingComparisons.Ceiling(t.Record, t.Run))).Where(x => x.Ceiling is not null).ToList();
        if (rows.Count == 0)
            return "";
        var table = new SiteTable($"training-{id}-ceiling", $"{title}: attainment of the Amdahl limit, measured and with every aggregation at the {KernelNames.FloorLabel}",
            ["k", "backend", "measured attainment", "attainment ceiling", "target", "epoch ms", "aggregation fwd + bwd ms", "layers", "floor fwd ms", "floor bwd ms",
             "floor graph", "floor epoch ms", "baseline epoch ms", "p (baseline)", "epoch at the limit ms", "run"]);
        foreach (var (r, run, c) in rows)
        {
            table.Add(new SiteCell(r.K?.ToString(CultureInfo.InvariantCulture) ?? "—", r.K), SiteCell.T(r.Backend), SiteCell.Pct(r.AmdahlAttainment),
                new SiteCell(Html.Pct(c!.Ceiling), c.Ceiling, CssClass: c.Ceiling < AttainmentCeiling.Target ? "fail" : "ok"), SiteCell.Pct(AttainmentCeiling.Target),
                SiteCell.Num(c.EpochMs, 2), SiteCell.Num(c.AggregationForwardMs + c.AggregationBackwardMs, 2),
                new SiteCell(c.Layers.ToString(CultureInfo.InvariantCulture), c.Layers), SiteCell.Num(c.FloorForwardMs, 3), SiteCell.Num(c.FloorBackwardMs, 3),
                SiteCell.T(c.FloorGraph), SiteCell.Num(c.FloorEpochMs, 2), SiteCell.Num(c.BaselineEpochMs, 2), SiteCell.Num(c.BaselineAggregationFraction, 3),
                SiteCell.Num(c.LimitEpochMs, 2), IndexPage.RunCell(run));
        }
        return "<p class=\"note\">Attainment ceiling = (baseline epoch × (1 − p)) / floor epoch, floor epoch = epoch − aggregation forward − aggregation backward "
            + "+ layers × (floor forward + floor backward): the share of the Amdahl limit the epoch would reach if every aggregation call ran at the loads-only floor "
            + "(diagnostic kernels with wrong output, a lower bound), dense layers, selection and optimizer as measured. A ceiling under the target means no kernel of this design reaches it.</p>\n"
            + page.Table(table);
    }

    private static string AccuracyVsK(List<(TrainingRecord Record, SiteRun Run)> items, string title, string id)
    {
        var metric = items[0].Record.Metric;
        var chart = new SvgLineChart { Title = $"Test {metric} against k: {title}", XLabel = "k (log scale)", YLabel = $"test {metric} (%)", XLogBase = 2, YFromZero = false };
        foreach (var backend in items.Where(t => t.Record.IsMaxk && t.Record.K is > 0).Select(t => t.Record.Backend).Distinct().Order(StringComparer.Ordinal))
        {
            var series = new ChartSeries($"MaxK ({backend})", items.Where(t => t.Record.IsMaxk && t.Record.Backend == backend && t.Record.K is > 0 && t.Record.ComparableAccuracy is not null)
                .Select(t => new ChartPoint(t.Record.K!.Value, t.Record.ComparableAccuracy!.Value * 100, $"{t.Record.ShortLabel}: {Html.Pct(t.Record.ComparableAccuracy)}")).ToList());
            if (series.Points.Count > 0)
                chart.Series.Add(series);
        }
        foreach (var (r, _) in items.Where(t => !t.Record.IsMaxk && t.Record.ComparableAccuracy is not null))
            chart.References.Add(new ReferenceLine($"ReLU {r.Backend} {Html.Pct(r.ComparableAccuracy)}", r.ComparableAccuracy!.Value * 100));
        return chart.Series.Count == 0 ? "" : chart.Render("chart-" + id + "-accuracy");
    }

    private static SiteTable PygTable(List<(TrainingRecord Record, SiteRun Run)> items, string tableId, string title)
    {
        var table = new SiteTable(tableId, title, ["nonlinearity", "k", "ours: backend", "ours: epoch ms", "PyG: epoch ms", "PyG / ours (×)", "ours: test metric", "PyG: test metric", "PyG implementation", "run"]);
        foreach (var (pyg, run) in items.Where(t => t.Record.Uses(TrainingBackend.Pyg)))
        {
            var ours = items.Select(t => t.Record).FirstOrDefault(t => !t.Uses(TrainingBackend.Pyg) && !t.Uses(TrainingBackend.GnnAdvisor) && t.Nonlinearity == pyg.Nonlinearity && t.K == pyg.K && t.Device == pyg.Device);
            table.Add(SiteCell.T(pyg.Nonlinearity), new SiteCell(pyg.K?.ToString(CultureInfo.InvariantCulture) ?? "—", pyg.K), SiteCell.T(ours?.Backend),
                SiteCell.Num(ours?.EpochMsMedian, 2), SiteCell.Num(pyg.EpochMsMedian, 2), SiteCell.Speedup(TrainingComparisons.SpeedupAgainst(ours ?? pyg, ours is null ? null : pyg)),
                SiteCell.Pct(ours?.ComparableAccuracy), SiteCell.Pct(pyg.ComparableAccuracy), SiteCell.T(pyg.Implementation), IndexPage.RunCell(run));
        }
        return table;
    }

    private static SiteTable RecordTable(GpuGroup g)
    {
        var table = new SiteTable($"training-{g.Anchor}-records", $"{g.Gpu}: latest training records",
            ["dataset", "model", "nonlinearity", "k", "backend", "implementation", "hidden", "layers", "epochs", "epoch ms (median)", "95% CI ms",
             "aggregation ms", "p (aggregation share)", "speed-up", "kernel speed-up s", "Amdahl prediction", "Amdahl limit", "attainment", "metric", "test metric", "best epoch", "verified", "error", "run"]);
        foreach (var (r, run) in g.Training)
        {
            table.Add(new SiteCell(r.Dataset + (r.DatasetSynthetic ? " (synthetic)" : ""), r.Dataset, Tip: r.DatasetLabel), SiteCell.T(r.Model), SiteCell.T(r.Nonlinearity),
                new SiteCell(r.K?.ToString(CultureInfo.InvariantCulture) ?? "—", r.K), SiteCell.T(r.Backend), SiteCell.T(r.Implementation),
                new SiteCell(r.Hidden.ToString(CultureInfo.InvariantCulture), r.Hidden), new SiteCell(r.Layers.ToString(CultureInfo.InvariantCulture), r.Layers),
                new SiteCell(r.Epochs.ToString(CultureInfo.InvariantCulture), r.Epochs), SiteCell.Num(r.EpochMsMedian, 2),
                new SiteCell(r.EpochMsCi95Low is null ? "—" : $"{Html.N(r.EpochMsCi95Low, 2)}–{Html.N(r.EpochMsCi95High, 2)}", r.EpochMsCi95Low is null ? null : $"{Html.R(r.EpochMsCi95Low.Value)}..{Html.R(r.EpochMsCi95High ?? double.NaN)}"),
                SiteCell.Num(r.AggregationMsMedian, 2), SiteCell.Num(r.AggregationFraction, 3), SiteCell.Speedup(r.Speedup), SiteCell.Speedup(r.KernelSpeedup),
                SiteCell.Speedup(r.AmdahlPrediction), SiteCell.Speedup(r.AmdahlLimit), SiteCell.Pct(r.AmdahlAttainment), SiteCell.T(r.Metric), SiteCell.Pct(r.TestAccuracy),
                new SiteCell(r.BestEpoch?.ToString(CultureInfo.InvariantCulture) ?? "—", r.BestEpoch),
                new SiteCell(r.Verified ? "yes" : "NO", r.Verified, CssClass: r.Verified ? "ok" : "fail"), SiteCell.T(r.Error ?? ""), IndexPage.RunCell(run));
        }
        return table;
    }
}
