using System.Globalization;
using System.Text;

using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site.Pages;

/// <summary>
/// compare/index.html and compare/&lt;a&gt;__vs__&lt;b&gt;.html: any two runs that share case ids, case by case, with
/// Δ % of the median and colour coding (green faster, red slower, grey within noise). The selector is a static,
/// JavaScript-free matrix of links; each run is also linked to the previous run of the same GPU and file name.
/// </summary>
public static class ComparePages
{
    /// <summary>
    /// The practical-significance threshold: a change is flagged only when |Δ| is at least this large (3 %) and, where both
    /// runs have 95 % confidence intervals, those intervals are disjoint. Tight intervals make a 0.1 % change "significant"
    /// without mattering; a wide interval (a loaded CPU host) makes a large change unproven.
    /// </summary>
    public const double NoiseFraction = 0.03;

    public static string PairPage(SiteRun a, SiteRun b) => $"compare/{a.Slug}__vs__{b.Slug}.html";

    /// <summary>True when the two runs share at least one kernel case id or training record id (both timed).</summary>
    public static bool Comparable(SiteRun a, SiteRun b) =>
        a.Result.Cases.Where(c => c.MedianMs is > 0).Select(c => c.Id).Intersect(b.Result.Cases.Where(c => c.MedianMs is > 0).Select(c => c.Id), StringComparer.Ordinal).Any()
        || a.Training.Where(t => t.EpochMsMedian is > 0).Select(t => t.Id).Intersect(b.Training.Where(t => t.EpochMsMedian is > 0).Select(t => t.Id), StringComparer.Ordinal).Any();

    /// <summary>The previous run (by start time) of the same GPU and file name, or null.</summary>
    public static SiteRun? Previous(SiteRun run, IReadOnlyList<SiteRun> runs) =>
        runs.Where(r => r.GpuName == run.GpuName && r.Series == run.Series && (r.Started < run.Started || (r.Started == run.Started && string.CompareOrdinal(r.RelativePath, run.RelativePath) < 0)))
            .OrderBy(r => r.Started).ThenBy(r => r.RelativePath, StringComparer.Ordinal).LastOrDefault();

    public static IReadOnlyList<SitePage> Build(IReadOnlyList<SiteRun> runs, SiteContent content)
    {
        var ordered = runs.OrderBy(r => r.Started).ThenBy(r => r.RelativePath, StringComparer.Ordinal).ToList();
        var pages = new List<SitePage>();
        var index = new SitePage("compare/index.html", "compare", "Compare runs");
        index.IntroHtml = content.Page("compare");
        pages.Add(index);

        var previous = new SiteTable("compare-previous", "Each run against the previous run of the same GPU and file name", ["run", "GPU", "previous run", "comparison"]);
        foreach (var r in ordered)
        {
            var p = Previous(r, runs);
            previous.Add(IndexPage.RunCell(r), SiteCell.T(r.GpuName), p is null ? SiteCell.T("—") : IndexPage.RunCell(p),
                p is null ? SiteCell.T("first run") : Comparable(p, r) ? new SiteCell($"{p.Label} → {r.Label}", PairPage(p, r), PairPage(p, r)) : SiteCell.T("no shared cases"));
        }
        index.Sections.Add(new SiteSection("previous", "Against the previous run", index.Table(previous)));

        var matrix = new StringBuilder("<p>Rows: run A (older); columns: run B (newer). A link opens the case-by-case comparison; “—” means the two runs share no case.</p>\n<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>A \\ B</th>");
        for (var j = 0; j < ordered.Count; j++)
            matrix.Append($"<th title=\"{Html.E(ordered[j].RelativePath)}\">{Html.E(Col(j))}</th>");
        matrix.Append("</tr></thead><tbody>\n");
        for (var i = 0; i < ordered.Count; i++)
        {
            matrix.Append($"<tr><td>{Html.E(Col(i))}: <a href=\"../{Html.E(ordered[i].Page)}\">{Html.E(ordered[i].Label)}</a> <small>{Html.E(ordered[i].GpuName)}</small></td>");
            for (var j = 0; j < ordered.Count; j++)
            {
                if (j <= i)
                {
                    matrix.Append("<td></td>");
                    continue;
                }
                if (!Comparable(ordered[i], ordered[j]))
                {
                    matrix.Append("<td class=\"same\">—</td>");
                    continue;
                }
                var pair = Pair(ordered[i], ordered[j]);
                pages.Add(pair);
                matrix.Append($"<td><a href=\"../{Html.E(pair.Path)}\">{Html.E(Col(i))} vs {Html.E(Col(j))}</a></td>");
            }
            matrix.Append("</tr>\n");
        }
        matrix.Append("</tbody></table></div>\n");
        index.Sections.Add(new SiteSection("any-two", "Any two runs", matrix.ToString()));
        return pages;
    }

    private static string Col(int i) => "R" + (i + 1).ToString(CultureInfo.InvariantCulture);

    private static SitePage Pair(SiteRun a, SiteRun b)
    {
        var page = new SitePage(PairPage(a, b), "compare", $"Compare {a.Label} → {b.Label}");
        page.IntroHtml = $"<p>A = <a href=\"../{Html.E(a.Page)}\">{Html.E(a.RelativePath)}</a> ({Html.E(a.GpuName)}, commit <code>{Html.E(Short(a))}</code>), "
            + $"B = <a href=\"../{Html.E(b.Page)}\">{Html.E(b.RelativePath)}</a> ({Html.E(b.GpuName)}, commit <code>{Html.E(Short(b))}</code>). "
            + $"Δ % = (B − A) / A of the median. A change is flagged (green: B faster, red: B slower) only when the two 95 % confidence intervals of the median are disjoint "
            + $"<strong>and</strong> |Δ| ≥ {Html.N(NoiseFraction * 100, 0)} % (without intervals: |Δ| ≥ {Html.N(NoiseFraction * 100, 0)} % alone); grey otherwise, with the reason.</p>\n";
        var cases = new SiteTable($"compare-{a.Slug}--{b.Slug}-cases", $"Kernel cases in both runs: {a.Label} → {b.Label}", ["id", "kernel", "graph", "D", "k", "A median ms", "B median ms", "Δ %", "verdict"]);
        var bCases = b.Result.Cases.Where(c => c.MedianMs is > 0).GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var ca in a.Result.Cases.Where(c => c.MedianMs is > 0))
        {
            if (!bCases.TryGetValue(ca.Id, out var cb))
                continue;
            var (delta, cls, verdict) = Judge(ca.MedianMs!.Value, cb.MedianMs!.Value, ca.MedianCi95LowMs, ca.MedianCi95HighMs, cb.MedianCi95LowMs, cb.MedianCi95HighMs);
            cases.Add(SiteCell.T(ca.Id), SiteCell.T(ca.Kernel), SiteCell.T(ca.Graph), new SiteCell(ca.Dim.ToString(CultureInfo.InvariantCulture), ca.Dim),
                new SiteCell(ca.K > 0 ? ca.K.ToString(CultureInfo.InvariantCulture) : "—", ca.K), SiteCell.Num(ca.MedianMs, 3), SiteCell.Num(cb.MedianMs, 3),
                new SiteCell(Signed(delta), delta * 100, CssClass: cls), new SiteCell(verdict, verdict, CssClass: cls));
        }
        page.Sections.Add(new SiteSection("cases", "Kernel cases", page.Table(cases)));
        var bTraining = b.Training.Where(t => t.EpochMsMedian is > 0).GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var shared = a.Training.Where(t => t.EpochMsMedian is > 0 && bTraining.ContainsKey(t.Id)).ToList();
        if (shared.Count > 0)
        {
            var training = new SiteTable($"compare-{a.Slug}--{b.Slug}-training", $"Training records in both runs: {a.Label} → {b.Label}",
                ["id", "A epoch ms", "B epoch ms", "Δ %", "verdict", "A test metric", "B test metric", "Δ metric"]);
            foreach (var ta in shared)
            {
                var tb = bTraining[ta.Id];
                var (delta, cls, verdict) = Judge(ta.EpochMsMedian!.Value, tb.EpochMsMedian!.Value, ta.EpochMsCi95Low, ta.EpochMsCi95High, tb.EpochMsCi95Low, tb.EpochMsCi95High);
                var dAcc = TrainingComparisons.AccuracyDelta(tb, ta);
                training.Add(SiteCell.T(ta.Id), SiteCell.Num(ta.EpochMsMedian, 2), SiteCell.Num(tb.EpochMsMedian, 2), new SiteCell(Signed(delta), delta * 100, CssClass: cls),
                    new SiteCell(verdict, verdict, CssClass: cls), SiteCell.Pct(ta.TestAccuracy), SiteCell.Pct(tb.TestAccuracy), new SiteCell(IndexPage.Delta(dAcc), dAcc));
            }
            page.Sections.Add(new SiteSection("training", "Training records", page.Table(training)));
        }
        return page;
    }

    private static string Short(SiteRun r) => r.Result.Manifest.HarnessCommit[..Math.Min(8, r.Result.Manifest.HarnessCommit.Length)];

    private static string Signed(double fraction) => (fraction >= 0 ? "+" : "−") + Html.N(Math.Abs(fraction) * 100, 1) + " %";

    /// <summary>
    /// Δ as a fraction, CSS class and verdict: flagged ("B faster" / "B slower") only when |Δ| ≥ <see cref="NoiseFraction"/>
    /// and the CIs (where both runs have them) are disjoint; otherwise "below 3 %" or "CIs overlap".
    /// </summary>
    public static (double Delta, string Class, string Verdict) Judge(double a, double b, double? aLo, double? aHi, double? bLo, double? bHi)
    {
        var delta = (b - a) / a;
        if (Math.Abs(delta) < NoiseFraction)
            return (delta, "same", $"below {Html.N(NoiseFraction * 100, 0)} %");
        if (aLo is { } al && aHi is { } ah && bLo is { } bl && bHi is { } bh && al <= bh && bl <= ah)
            return (delta, "same", "CIs overlap");
        return delta < 0 ? (delta, "better", "B faster") : (delta, "worse", "B slower");
    }
}
