using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Analysis.Claims;

/// <summary>The claims as plain text for <c>maxk analyze --claims</c>: the same rows, in the same order, as the claims page.</summary>
public static class ClaimsText
{
    public static void Write(TextWriter o, ClaimReport report)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(report);
        o.WriteLine($"Claims of the paper ({report.PaperGpu}) against {(report.Gpus.Count == 0 ? "no GPU with headline results" : string.Join(", ", report.Gpus))}: "
            + string.Join(", ", report.Counts.Select(c => $"{c.Count} {c.Verdict.Word()}")) + ".");
        o.WriteLine($"Verdicts: ours / paper within ±{ClaimRules.RatioTolerance:P0} holds (accuracy changes: within ±{ClaimRules.PointsTolerance * 100:0.#} points); values from headline runs only.");
        var gpuHeader = string.Concat(report.Gpus.Select(g => $" {"released " + ClaimWords.ShortGpu(g),14} {"ours " + ClaimWords.ShortGpu(g),11}"));
        ClaimSection? section = null;
        foreach (var r in report.Rows)
        {
            if (r.Section != section)
            {
                section = r.Section;
                o.WriteLine();
                o.WriteLine($"{r.Section.Word().ToUpperInvariant()}");
                o.WriteLine($"{"claim",-86} {"paper " + report.PaperGpu,11}{gpuHeader} {"data",-9} {"verdict",-14} cause");
            }
            var cells = string.Concat(r.ByGpu.Select(m => $" {ClaimWords.Format(r.Unit, m.Released),14} {ClaimWords.Format(r.Unit, m.Ours),11}"));
            o.WriteLine($"{Cut(r.Claim, 86),-86} {ClaimWords.Format(r.Unit, r.PaperValue),11}{cells} {r.Data?.Word() ?? "—",-9} {r.Verdict.Word(),-14} {r.Cause}");
        }
    }

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
