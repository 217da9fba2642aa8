using System.Globalization;
using System.Text;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Kernels;
using MaxK.Harness.Results;
using MaxK.Harness.Site.Charts;

namespace MaxK.Harness.Site.Pages;

/// <summary>
/// kernels.html: per GPU, speed-up against k for every graph (with ALG2, ALG3, GNNAdvisor-style and cuSPARSE at
/// width k as references), time against graph size, achieved GB/s against the measured bandwidth, the loads-only floors
/// beside the kernels they bound where a run measured them (labelled as diagnostic, never a result); the table of every
/// latest case is a download (<see cref="SitePage.Offer"/>), not part of the page. Cases come from headline runs only.
/// </summary>
public static class KernelPage
{
    public static SitePage Build(IReadOnlyList<GpuGroup> groups, SiteContent content)
    {
        var page = new SitePage("kernels.html", "kernels", "Kernels");
        page.IntroHtml = content.Page("kernels");
        if (groups.Count == 0)
            page.Sections.Add(new SiteSection("no-results", "No results", "<p class=\"empty\">No result files were found.</p>"));
        foreach (var g in groups)
        {
            page.Sections.Add(new SiteSection(g.Anchor, g.Gpu, $"<p>{Html.Count(g.Cases.Count)} latest case(s) on {Html.Count(g.Graphs.Count)} graph(s) from {Html.Count(g.Runs.Count)} result file(s).</p>\n"));
            page.Sections.Add(new SiteSection(g.Anchor + "-vs-k", $"{g.Gpu}: speed-up against k", SpeedupVsK(g), 3));
            page.Sections.Add(new SiteSection(g.Anchor + "-vs-size", $"{g.Gpu}: time against graph size", TimeVsSize(g), 3));
            page.Sections.Add(new SiteSection(g.Anchor + "-bandwidth", $"{g.Gpu}: achieved bandwidth", Bandwidth(g), 3));
            if (g.Cases.Any(c => c.IsDiagnostic))
                page.Sections.Add(new SiteSection(g.Anchor + "-floor", $"{g.Gpu}: {KernelNames.FloorLabel}", Floors(page, g), 3));
            var cases = page.Offer(CaseTable(g));
            page.Sections.Add(new SiteSection(g.Anchor + "-cases", $"{g.Gpu}: all cases",
                $"<p>The newest measurement of every case ({Html.Count(cases.Rows.Count)} rows, headline runs and loads-only floors) is a download: "
                + $"<a href=\"{Html.E(cases.CsvPath)}\">CSV</a> · <a href=\"{Html.E(cases.JsonPath)}\">JSON</a> (listed on the <a href=\"downloads.html\">downloads page</a>).</p>\n", 3));
        }
        return page;
    }

    private static string K(int k) => k.ToString(CultureInfo.InvariantCulture);

    private static string SpeedupVsK(GpuGroup g)
    {
        var sb = new StringBuilder("<div class=\"charts\">\n");
        var any = false;
        foreach (var graph in g.Graphs)
        {
            var cases = g.Cases.Where(c => c.Case.Graph == graph).ToList();
            var maxk = cases.Where(c => c.Case.Kernel is KernelNames.MaxKForward or KernelNames.MaxKBackward && c.VsAlg2 is not null).ToList();
            if (maxk.Count == 0)
                continue;
            any = true;
            var d = maxk[0].Case.Dim;
            var chart = new SvgLineChart
            {
                Title = $"{graph}: speed-up against cuSPARSE ALG2 (D = {d})",
                XLabel = "k (kept features per row, log scale)", YLabel = "speed-up over cuSPARSE ALG2 (×)", XLogBase = 2,
            };
            foreach (var kernel in IndexPage.HeadlineKernels)
                chart.Series.Add(new ChartSeries(kernel, maxk.Where(c => c.Case.Kernel == kernel && c.Case.Dim == d)
                    .Select(c => new ChartPoint(c.Case.K, c.VsAlg2!.Value, $"{kernel} {graph} k={K(c.Case.K)} D={K(d)}: {Html.N(c.Case.MedianMs, 3)} ms, {Html.X(c.VsAlg2)} ({c.Run.Label})")).ToList()));
            var widthK = cases.Where(c => c.Case.WidthK == true && c.VsAlg2 is not null).ToList();
            if (widthK.Count > 0)
                chart.Series.Add(new ChartSeries("cuSPARSE at width k", widthK.Select(c => new ChartPoint(c.Case.K, c.VsAlg2!.Value,
                    $"{c.Case.Kernel} at width k={K(c.Case.K)}: {Html.N(c.Case.MedianMs, 3)} ms, {Html.X(c.VsAlg2)} ({c.Run.Label})")).ToList(), Dashed: true));
            chart.References.Add(new ReferenceLine("cuSPARSE ALG2 (1×)", 1));
            var first = maxk[0];
            if (first.Sibling(KernelNames.CuSparseSpmmAlg3, d) is { MedianMs: { } a3 } && first.Sibling(KernelNames.CuSparseSpmmAlg2, d) is { MedianMs: { } a2 })
                chart.References.Add(new ReferenceLine($"cuSPARSE ALG3 at D ({Html.X(a2 / a3)})", a2 / a3));
            if (first.GnnAdvisor is { Case.MedianMs: { } gn } gnna && first.Sibling(KernelNames.CuSparseSpmmAlg2, d) is { MedianMs: { } b2 })
                chart.References.Add(new ReferenceLine($"GNNAdvisor-style at D, {gnna.ShortLabel} ({Html.X(b2 / gn)})", b2 / gn));
            sb.Append(chart.Render("chart-" + Html.Slug(g.Gpu) + "-k-" + Html.Slug(graph)));
        }
        sb.Append("</div>\n");
        return any ? sb.ToString() : "<p class=\"empty\">No MaxK kernel cases with a cuSPARSE ALG2 baseline for this GPU.</p>\n";
    }

    /// <summary>The k values measured on at least two graphs (the ones worth a size chart), ascending.</summary>
    private static List<int> CommonKs(GpuGroup g) => g.Cases.Where(c => c.Case.Kernel == KernelNames.MaxKForward)
        .GroupBy(c => c.Case.K).Where(x => x.Select(c => c.Case.Graph).Distinct().Count() >= 2).Select(x => x.Key).Order().ToList();

    private static IEnumerable<(string Name, Func<SiteCase, bool> Select, bool Dashed)> SizeSeries(int k) =>
    [
        ("cuSPARSE ALG2", c => c.Case.Kernel == KernelNames.CuSparseSpmmAlg2 && c.Case.WidthK != true, false),
        ("cuSPARSE ALG3", c => c.Case.Kernel == KernelNames.CuSparseSpmmAlg3 && c.Case.WidthK != true, false),
        ("GNNAdvisor-style (own decider)", c => c.Case.Kernel == KernelNames.GnnAdvisorSpmm, false),
        ("GNNAdvisor-style (best of sweep)", c => c.Case.Kernel == KernelNames.GnnAdvisorSpmmBest, false),
        ($"{KernelNames.MaxKForward} k={K(k)}", c => c.Case.Kernel == KernelNames.MaxKForward && c.Case.K == k, false),
        ($"{KernelNames.MaxKBackward} k={K(k)}", c => c.Case.Kernel == KernelNames.MaxKBackward && c.Case.K == k, false),
        ($"cuSPARSE at width k={K(k)}", c => c.Case.WidthK == true && c.Case.K == k, true),
        (KernelNames.DenseSpmm, c => c.Case.Kernel == KernelNames.DenseSpmm, false),
    ];

    private static string TimeVsSize(GpuGroup g)
    {
        var ks = CommonKs(g);
        if (ks.Count == 0)
            return "<p class=\"empty\">Fewer than two graphs share a k for this GPU: no size chart.</p>\n";
        var d = g.Cases.First(c => c.Case.Kernel == KernelNames.MaxKForward).Case.Dim;
        var sb = new StringBuilder("<div class=\"charts\">\n");
        foreach (var k in ks)
        {
            var chart = new SvgLineChart
            {
                Title = $"Median time against graph size, k = {K(k)}, D = {K(d)}",
                XLabel = "edges (log scale)", YLabel = "median time (ms, log scale)", XLogBase = 10, YLogBase = 10, YFromZero = false,
            };
            foreach (var (name, select, dashed) in SizeSeries(k))
            {
                var pts = g.Cases.Where(c => select(c) && (c.Case.Dim == d || c.Case.WidthK == true)).Select(c => new ChartPoint(c.Case.Edges, c.Case.MedianMs!.Value,
                    $"{name} on {c.Case.Graph} ({Html.Count(c.Case.Edges)} edges): {Html.N(c.Case.MedianMs, 3)} ms ({c.Run.Label})")).ToList();
                if (pts.Count > 0)
                    chart.Series.Add(new ChartSeries(name, pts, Connect: false, Dashed: dashed));
            }
            sb.Append(chart.Render("chart-" + Html.Slug(g.Gpu) + "-size-k" + K(k)));
        }
        sb.Append("</div>\n");
        return sb.ToString();
    }

    private static string Bandwidth(GpuGroup g)
    {
        var ks = CommonKs(g);
        var sb = new StringBuilder();
        var measured = g.BandwidthRecord;
        if (measured is not null)
            sb.Append($"<p>Measured device bandwidth: <strong>{Html.N(measured.Case.GbPerS, 1)} GB/s</strong> (device-to-device copy, <a href=\"{Html.E(measured.Run.Page)}\">{Html.E(measured.Run.Label)}</a>).</p>\n");
        else
            sb.Append($"<p class=\"note\">The GPU's bandwidth was not measured in these runs (no <code>{KernelNames.DeviceCopy}</code> record).")
              .Append(g.TheoreticalBandwidthGbPerS is { } t ? $" The dashed line is the theoretical peak from the manifest's memory clock and bus width ({Html.N(t, 0)} GB/s), not a measurement." : "")
              .Append("</p>\n");
        if (ks.Count == 0)
            return sb + "<p class=\"empty\">Fewer than two graphs share a k for this GPU: no bandwidth chart.</p>\n";
        var d = g.Cases.First(c => c.Case.Kernel == KernelNames.MaxKForward).Case.Dim;
        sb.Append("<p>Achieved GB/s counts the compulsory bytes of each kernel (<code>byte_model</code> in the records) over its median time.</p>\n<div class=\"charts\">\n");
        foreach (var k in ks)
        {
            var chart = new SvgLineChart
            {
                Title = $"Achieved bandwidth against graph size, k = {K(k)}, D = {K(d)}",
                XLabel = "edges (log scale)", YLabel = "achieved bandwidth (GB/s)", XLogBase = 10,
            };
            foreach (var (name, select, dashed) in SizeSeries(k))
            {
                var pts = g.Cases.Where(c => select(c) && c.Case.GbPerS is > 0 && (c.Case.Dim == d || c.Case.WidthK == true)).Select(c => new ChartPoint(c.Case.Edges, c.Case.GbPerS!.Value,
                    $"{name} on {c.Case.Graph}: {Html.N(c.Case.GbPerS, 1)} GB/s ({c.Run.Label})")).ToList();
                if (pts.Count > 0)
                    chart.Series.Add(new ChartSeries(name, pts, Connect: false, Dashed: dashed));
            }
            if (measured?.Case.GbPerS is { } bw)
                chart.References.Add(new ReferenceLine($"measured {Html.N(bw, 0)} GB/s", bw));
            else if (g.TheoreticalBandwidthGbPerS is { } t)
                chart.References.Add(new ReferenceLine($"theoretical peak {Html.N(t, 0)} GB/s", t));
            sb.Append(chart.Render("chart-" + Html.Slug(g.Gpu) + "-gbps-k" + K(k)));
        }
        sb.Append("</div>\n");
        return sb.ToString();
    }

    /// <summary>The kernel name, with the floor label for a diagnostic case.</summary>
    internal static string KernelLabel(CaseRecord c) => c.Diagnostic == true ? $"{c.Kernel} — {KernelNames.FloorLabel}" : c.Kernel;

    /// <summary>"yes", "NO", "diagnostic (never verified)" for a floor that ran, or "peer (never verified)" for the released code's record.</summary>
    internal static SiteCell VerifiedCell(CaseRecord c) => c.Diagnostic == true && c.Error is null
        ? new SiteCell("diagnostic (never verified)", false, CssClass: "note", Tip: c.VerificationReference)
        : c.Peer && c.Error is null ? new SiteCell("peer (never verified)", false, CssClass: "note", Tip: c.VerificationReference)
        : new SiteCell(c.Verified ? "yes" : "NO", c.Verified, CssClass: c.Verified ? "ok" : "fail");

    /// <summary>Each floor beside the kernel it bounds (same run, graph, D and k): both medians and the floor's share of the kernel's time.</summary>
    private static string Floors(SitePage page, GpuGroup g)
    {
        var table = new SiteTable($"kernels-{g.Anchor}-floor", $"{g.Gpu}: {KernelNames.FloorLabel}: lower bounds of the MaxK kernels, not results",
            ["graph", "kernel", "D", "k", "kernel median ms", "floor median ms", "floor / kernel", "floor GB/s", "run"]);
        foreach (var f in g.Cases.Where(c => c.IsDiagnostic).OrderBy(c => c.Case.Graph, StringComparer.Ordinal).ThenBy(c => c.Case.K).ThenBy(c => c.Case.Kernel, StringComparer.Ordinal))
        {
            var measured = KernelNames.Measured(f.Case.Kernel);
            var kernel = f.Run.Result.Cases.FirstOrDefault(c => c.Kernel == measured && c.Graph == f.Case.Graph && c.Dim == f.Case.Dim && c.K == f.Case.K
                && c.Device == f.Case.Device && c.Verified && c.MedianMs is > 0);
            var share = kernel?.MedianMs is { } km && f.Case.MedianMs is { } fm ? fm / km : (double?)null;
            table.Add(new SiteCell(f.Case.Graph + (f.Case.GraphSynthetic ? " (synthetic)" : ""), f.Case.Graph, Tip: f.Case.GraphLabel), SiteCell.T(measured),
                new SiteCell(K(f.Case.Dim), f.Case.Dim), new SiteCell(K(f.Case.K), f.Case.K), SiteCell.Num(kernel?.MedianMs, 3), SiteCell.Num(f.Case.MedianMs, 3),
                SiteCell.Pct(share), SiteCell.Num(f.Case.GbPerS, 1), IndexPage.RunCell(f.Run));
        }
        return "<p class=\"note\">DIAGNOSTIC: the MaxK kernels launched with <code>MXK_TUNE_DIAGNOSTIC_SKIP_ACCUMULATE</code> (forward without the "
            + "shared-memory accumulation, backward with plain stores instead of atomics). Their output is wrong by design, so they are never verified and "
            + "never count as speed-ups, geo-means or headlines; their times are what the kernels' compulsory loads cost, a floor no kernel of this design goes under.</p>\n"
            + page.Table(table);
    }

    private static SiteTable CaseTable(GpuGroup g)
    {
        var table = new SiteTable($"kernels-{g.Anchor}-cases", $"{g.Gpu}: latest measurement of every case",
            ["graph", "nodes", "edges", "kernel", "implementation", "D", "k", "width k", "median ms", "95% CI ms", "GB/s", "vs cuSPARSE ALG2", "vs GNNAdvisor-style", "preprocess ms", "verified", "run"]);
        foreach (var c in g.Cases)
        {
            var r = c.Case;
            table.Add(new SiteCell(r.Graph + (r.GraphSynthetic ? " (synthetic)" : ""), r.Graph, Tip: r.GraphLabel), SiteCell.Int(r.Nodes), SiteCell.Int(r.Edges), SiteCell.T(KernelLabel(r)), SiteCell.T(r.Implementation),
                new SiteCell(K(r.Dim), r.Dim), new SiteCell(r.K > 0 ? K(r.K) : "—", r.K), new SiteCell(r.WidthK == true ? "yes" : "", r.WidthK == true),
                SiteCell.Num(r.MedianMs, 3), new SiteCell(r.MedianCi95LowMs is null ? "—" : $"{Html.N(r.MedianCi95LowMs, 3)}–{Html.N(r.MedianCi95HighMs, 3)}", r.MedianCi95LowMs is null ? null : $"{Html.R(r.MedianCi95LowMs.Value)}..{Html.R(r.MedianCi95HighMs ?? double.NaN)}"),
                SiteCell.Num(r.GbPerS, 1), SiteCell.Speedup(c.VsAlg2), SiteCell.Speedup(c.VsGnnAdvisor), SiteCell.Num(r.PreprocessMs, 3),
                VerifiedCell(r), IndexPage.RunCell(c.Run));
        }
        return table;
    }
}
