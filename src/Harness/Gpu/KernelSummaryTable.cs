using System.Globalization;
using MaxK.Harness.Results;

namespace MaxK.Harness.Gpu;

/// <summary>The end-of-run table of GPU cases: median, 95% CI, GB/s, speed-up against cuSPARSE ALG2 and verification.</summary>
public static class KernelSummaryTable
{
    public static void Write(TextWriter log, IReadOnlyList<CaseRecord> records)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(records);
        var inv = CultureInfo.InvariantCulture;
        log.WriteLine();
        log.WriteLine(string.Format(inv, "{0,-24} {1,-16} {2,4} {3,5} {4,11} {5,23} {6,9} {7,9}  {8}",
            "kernel", "graph", "k", "dim", "median ms", "95% CI ms", "GB/s", "speed-up", "verified"));
        foreach (var r in records.OrderBy(r => r.Graph, StringComparer.Ordinal).ThenBy(r => r.K).ThenBy(r => r.Kernel, StringComparer.Ordinal).ThenBy(r => r.Dim))
        {
            var kernel = r.Kernel + (r.WidthK == true ? " (w=k)" : "");
            var ci = r.MedianCi95LowMs is { } lo && r.MedianCi95HighMs is { } hi ? string.Format(inv, "{0:F3}–{1:F3}", lo, hi) : "—";
            var verified = r.Verified ? "yes" : "NO" + (r.Error is null ? "" : $" ({r.Error})");
            log.WriteLine(string.Format(inv, "{0,-24} {1,-16} {2,4} {3,5} {4,11} {5,23} {6,9} {7,9}  {8}",
                kernel, r.Graph, r.K > 0 ? r.K.ToString(inv) : "—", r.Dim, r.MedianMs is { } m ? m.ToString("F3", inv) : "—", ci,
                r.GbPerS is { } g ? g.ToString("F1", inv) : "—", r.Speedup is { } s ? s.ToString("F2", inv) + "×" : "—", verified));
        }
        var failed = records.Count(r => !r.Verified);
        log.WriteLine(string.Format(inv, "{0} GPU cases, {1} failed; speed-up = cusparse_spmm_alg2 median / case median (same graph, D).", records.Count, failed));
    }
}
