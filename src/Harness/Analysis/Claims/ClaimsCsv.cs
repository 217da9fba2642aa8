using System.Globalization;
using System.Text;

using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Analysis.Claims;

/// <summary>
/// The claims as CSV (RFC 4180, invariant numbers at full precision): one line per row with the paper's value, and per
/// GPU of the report the released value, ours, the ratio and the verdict; then the row's verdict, cause, data, protocols
/// and sources (separated by "; ").
/// </summary>
public static class ClaimsCsv
{
    public static string Write(ClaimReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var header = new List<string> { "id", "section", "claim", "unit", "paper value", "paper GPU", "paper source" };
        foreach (var g in report.Gpus)
            header.AddRange([$"released {g}", $"ours {g}", $"ratio ours/paper {g}", $"verdict {g}", $"stand-in {g}"]);
        header.AddRange(["data", "verdict", "cause", "protocol (ours)", "protocol (released)", "sources"]);
        var sb = new StringBuilder();
        sb.Append(string.Join(",", header.Select(Quote))).Append('\n');
        foreach (var r in report.Rows)
        {
            var cells = new List<string> { r.Id, r.Section.Word(), r.Claim, r.Unit.Word(), N(r.PaperValue), r.PaperGpu, r.PaperSource };
            foreach (var g in report.Gpus)
            {
                var m = r.For(g);
                cells.AddRange([N(m?.Released), N(m?.Ours), N(m?.Ratio), m?.Verdict.Word() ?? ClaimVerdict.NotMeasured.Word(), m?.StandIn ?? ""]);
            }
            cells.AddRange([r.Data?.Word() ?? "", r.Verdict.Word(), r.Cause, r.OursProtocol, r.ReleasedProtocol ?? "", string.Join("; ", r.Sources)]);
            sb.Append(string.Join(",", cells.Select(Quote))).Append('\n');
        }
        return sb.ToString();
    }

    private static string N(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
