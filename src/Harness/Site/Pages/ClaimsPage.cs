using System.Text;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Analysis.Claims;
using MaxK.Harness.Results;

namespace MaxK.Harness.Site.Pages;

/// <summary>
/// claims.html: every claim of the paper, one row each, grouped as the report orders them: the paper's value on its GPU,
/// ours on every GPU we measured, the released code's where its peer ran, data kind, ratio, verdict and cause, and the
/// runs behind each value. The rows are <see cref="SiteModel.Claims"/>, the same computation as <c>maxk analyze --claims</c>
/// and data/claims.json|csv.
/// </summary>
public static class ClaimsPage
{
    public const string JsonPath = "data/claims.json";
    public const string CsvPath = "data/claims.csv";

    private static readonly (ClaimSection Section, string Heading, string Intro)[] Sections =
    [
        (ClaimSection.EndToEnd, "End to end", "Epoch-time speed-ups of MaxK training (ours: against our ReLU runs on cuSPARSE, which DGL's aggregation also calls, and on our GNNAdvisor-style kernel with its own decider), the Amdahl limits of the baselines and the share of the limit reached."),
        (ClaimSection.KernelAverage, "Kernel averages", "The README's SSpMM averages over the kernel graphs of average degree above 50 (ours: the arithmetic mean over our presets of those graphs, or the real graph where a run has it)."),
        (ClaimSection.Accuracy, "Accuracy", "Test-metric change with MaxK against ReLU (ours: the mean over the converged seeds of headline runs; unconverged runs are left out and named)."),
        (ClaimSection.Memory, "Memory traffic", "DRAM traffic needs hardware counters, which this harness does not record."),
        (ClaimSection.Kernel, "Kernels per graph and k", "Forward SpGEMM and backward SSpMM at D = 256 against cuSPARSE (ours: ALG2) and GNNAdvisor (ours: the GNNAdvisor-style kernel, best of its (ngs, wpb) sweep where measured, else its own decider; the GNNAdvisor / cuSPARSE time of both is in the hover text)."),
    ];

    public static SitePage Build(SiteModel model, SiteContent content)
    {
        var report = model.Claims;
        var page = new SitePage("claims.html", "claims", "Claims: what holds on our GPUs");
        page.IntroHtml = content.Page("claims");
        page.Sections.Add(new SiteSection("summary", "Summary", Summary(report)));
        foreach (var (section, heading, intro) in Sections)
        {
            var rows = report.Rows.Where(r => r.Section == section).ToList();
            if (rows.Count > 0)
                page.Sections.Add(new SiteSection("claims-" + Html.Slug(section.Word()), heading, $"<p>{Html.E(intro)}</p>\n" + Table(model, rows, report)));
        }
        return page;
    }

    private static string Summary(ClaimReport report)
    {
        var sb = new StringBuilder();
        sb.Append($"<p><strong>{Html.Count(report.Rows.Count)} claims</strong>: ")
          .Append(string.Join(", ", report.Counts.Select(c => $"<span class=\"{Css(c.Verdict)}\">{Html.Count(c.Count)} {Html.E(c.Verdict.Word())}</span>")))
          .Append($". The paper's values were measured on an <strong>{Html.E(report.PaperGpu)}</strong> ({Html.E(report.PaperGpuNote.TrimEnd('.'))}); ours on ")
          .Append(report.Gpus.Count == 0 ? "no GPU yet" : string.Join(" and ", report.Gpus.Select(g => $"<strong>{Html.E(g)}</strong>")))
          .Append($". Download: <a href=\"{JsonPath}\">claims.json</a> · <a href=\"{CsvPath}\">claims.csv</a>.</p>\n");
        return sb.ToString();
    }

    /// <summary>The source runs grouped by run folder: "2026-11-29_1e2b68b8: part2 · part3", each file linked to its run page, one folder per line.</summary>
    private static string Runs(SiteModel model, IReadOnlyList<string> sources) => string.Join("<br>", sources
        .GroupBy(s => s.Contains('/', StringComparison.Ordinal) ? s[..s.LastIndexOf('/')] : "", StringComparer.Ordinal)
        .Select(g => Html.E(g.Key.Split('/')[^1]) + ": " + string.Join(" · ", g.Select(s => model.Run(s) is { } run
            ? $"<a href=\"{Html.E(run.Page)}\" title=\"{Html.E(run.RelativePath)} ({Html.E(run.Role.Word())})\">{Html.E(Path.GetFileNameWithoutExtension(s))}</a>"
            : Html.E(Path.GetFileNameWithoutExtension(s))))));

    /// <summary>The verdict's CSS class: ok (holds), better (exceeded), fail (not reproduced), empty (not measured).</summary>
    internal static string Css(ClaimVerdict v) => v switch
    {
        ClaimVerdict.Holds => "ok",
        ClaimVerdict.Exceeded => "better",
        ClaimVerdict.NotReproduced => "fail",
        _ => "empty",
    };

    /// <summary>The claims table: claim, paper (its GPU), ours per GPU, released per GPU, data, ratio, verdict, cause, runs.</summary>
    internal static string Table(SiteModel model, IReadOnlyList<ClaimRow> rows, ClaimReport report, bool compact = false)
    {
        var gpus = report.Gpus;
        var sb = new StringBuilder("<div class=\"scroll\"><table class=\"claims\">\n<thead><tr><th>claim</th>");
        sb.Append($"<th>paper ({Html.E(report.PaperGpu)})</th>");
        foreach (var g in gpus)
            sb.Append($"<th>ours {Html.E(ClaimWords.ShortGpu(g))}</th>");
        if (!compact)
            sb.Append($"<th>released code ({Html.E(gpus.Count == 0 ? "—" : string.Join(" · ", gpus.Select(ClaimWords.ShortGpu)))})</th><th>data</th><th>ours / paper</th>");
        sb.Append("<th>verdict</th>");
        if (!compact)
            sb.Append("<th>cause</th><th>runs</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var r in rows)
        {
            sb.Append($"<tr id=\"claim-{Html.E(r.Id)}\"><td title=\"{Html.E(r.PaperSource)}\">{Html.E(r.Claim)}</td>");
            sb.Append($"<td class=\"n\" title=\"{Html.E(r.PaperSource)}\">{Html.E(ClaimWords.Format(r.Unit, r.PaperValue))}</td>");
            foreach (var g in gpus)
            {
                var m = r.For(g);
                var tip = m is null ? "" : string.Join(" · ", new[] { m.StandIn, m.Note ?? m.Missing, m.Ours is null ? null : "protocol: " + m.OursProtocol }.OfType<string>());
                sb.Append($"<td class=\"n {Css(m?.Verdict ?? ClaimVerdict.NotMeasured)}\" title=\"{Html.E(tip)}\">{Html.E(ClaimWords.Format(r.Unit, m?.Ours))}</td>");
            }
            if (!compact)
            {
                sb.Append($"<td class=\"n\">{Html.E(r.ByGpu.All(m => m.Released is null) ? "—" : string.Join(" · ", gpus.Select(g => ClaimWords.Format(r.Unit, r.For(g)?.Released))))}</td>");
                sb.Append($"<td>{Html.E(r.Data?.Word() ?? "—")}</td>");
                sb.Append($"<td class=\"n\">{Html.E(r.ByGpu.All(m => m.Ratio is null) ? "—" : string.Join(" · ", gpus.Select(g => r.For(g)?.Ratio is { } x ? Html.N(x, 2) : "—")))}</td>");
            }
            sb.Append($"<td class=\"{Css(r.Verdict)}\">{Html.E(r.Verdict.Word())}</td>");
            if (!compact)
            {
                sb.Append($"<td class=\"cause\">{Html.E(r.Cause)}</td><td class=\"runs\">");
                sb.Append(Runs(model, r.Sources));
                sb.Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table></div>\n");
        return sb.ToString();
    }
}
