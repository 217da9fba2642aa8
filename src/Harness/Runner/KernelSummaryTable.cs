using System.Globalization;
using MaxK.Harness.Kernels;
using MaxK.Harness.Results;

namespace MaxK.Harness.Runner;

/// <summary>
/// The end-of-run table of GPU cases: median, 95% CI, GB/s, speed-up against cuSPARSE ALG2 and verification. Diagnostic
/// cases (the loads-only floors) are not results: they stay out of the table and its counts and are listed after it,
/// labelled, as lower bounds.
/// </summary>
public static class KernelSummaryTable
{
    public static void Write(TextWriter log, IReadOnlyList<CaseRecord> records)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(records);
        var inv = CultureInfo.InvariantCulture;
        var results = records.Where(r => r.Diagnostic != true).ToList();
        log.WriteLine();
        log.WriteLine(string.Format(inv, "{0,-24} {1,-16} {2,4} {3,5} {4,11} {5,23} {6,9} {7,9}  {8}",
            "kernel", "graph", "k", "dim", "median ms", "95% CI ms", "GB/s", "speed-up", "verified"));
        foreach (var r in Ordered(results))
        {
            var kernel = r.Kernel + (r.WidthK == true ? " (w=k)" : "");
            var verified = r.Verified ? "yes" : "NO" + (r.Error is null ? "" : $" ({r.Error})");
            log.WriteLine(string.Format(inv, "{0,-24} {1,-16} {2,4} {3,5} {4,11} {5,23} {6,9} {7,9}  {8}",
                kernel, r.Graph, K(r), r.Dim, Ms(r.MedianMs), Ci(r), r.GbPerS is { } g ? g.ToString("F1", inv) : "—",
                r.Speedup is { } s ? s.ToString("F2", inv) + "×" : "—", verified));
        }
        var failed = results.Count(r => r.Failed);
        log.WriteLine(string.Format(inv, "{0} GPU cases, {1} failed; speed-up = {2} median / case median (same graph, D).", results.Count, failed, KernelNames.CuSparseSpmmAlg2));
        var floors = records.Where(r => r.Diagnostic == true).ToList();
        if (floors.Count == 0)
            return;
        log.WriteLine();
        log.WriteLine($"{KernelNames.FloorLabel}: lower bounds of the kernels, not results ({KernelNames.FloorVerificationNote}).");
        foreach (var r in Ordered(floors))
        {
            log.WriteLine(string.Format(inv, "{0,-24} {1,-16} {2,4} {3,5} {4,11} {5,23} {6,9}  {7}",
                r.Kernel, r.Graph, K(r), r.Dim, Ms(r.MedianMs), Ci(r), r.GbPerS is { } g ? g.ToString("F1", inv) : "—", r.Error is null ? "timed" : $"FAILED ({r.Error})"));
        }
    }

    private static IEnumerable<CaseRecord> Ordered(IEnumerable<CaseRecord> records) =>
        records.OrderBy(r => r.Graph, StringComparer.Ordinal).ThenBy(r => r.K).ThenBy(r => r.Kernel, StringComparer.Ordinal).ThenBy(r => r.Dim);

    private static string K(CaseRecord r) => r.K > 0 ? r.K.ToString(CultureInfo.InvariantCulture) : "—";

    private static string Ms(double? ms) => ms is { } m ? m.ToString("F3", CultureInfo.InvariantCulture) : "—";

    private static string Ci(CaseRecord r) =>
        r.MedianCi95LowMs is { } lo && r.MedianCi95HighMs is { } hi ? string.Format(CultureInfo.InvariantCulture, "{0:F3}–{1:F3}", lo, hi) : "—";
}
