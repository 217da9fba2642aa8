using System.Text;
using System.Text.Json;

using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Analysis.Claims;

/// <summary>
/// <c>claims.json</c>: { "paper_gpu", "gpus", "tolerances", "claims": [ one object per row ] }. A row: id, section, claim,
/// unit, paper_value, paper_gpu, paper_source, data (real|synthetic|null), released / ours / ratio_ours_paper / verdicts
/// (objects keyed by GPU name, null where not measured), verdict, cause, protocol ({ ours, released }), notes (by GPU),
/// sources (result files). Numbers at full precision; keys in a fixed order, so the same results give the same bytes.
/// </summary>
public static class ClaimsJson
{
    public static string Write(ClaimReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("paper_gpu", report.PaperGpu);
            w.WriteString("paper_gpu_note", report.PaperGpuNote);
            w.WriteStartArray("gpus");
            foreach (var g in report.Gpus)
                w.WriteStringValue(g);
            w.WriteEndArray();
            w.WriteStartObject("tolerances");
            w.WriteNumber("ratio", ClaimRules.RatioTolerance);
            w.WriteNumber("accuracy_points", ClaimRules.PointsTolerance);
            w.WriteEndObject();
            w.WriteStartArray("claims");
            foreach (var r in report.Rows)
                Row(w, r);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Row(Utf8JsonWriter w, ClaimRow r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("section", r.Section.Word());
        w.WriteString("claim", r.Claim);
        w.WriteString("unit", r.Unit.Word());
        Number(w, "paper_value", r.PaperValue);
        w.WriteString("paper_gpu", r.PaperGpu);
        w.WriteString("paper_source", r.PaperSource);
        if (r.Data is { } d)
            w.WriteString("data", d.Word());
        else
            w.WriteNull("data");
        ByGpu(w, "released", r, m => m.Released);
        ByGpu(w, "ours", r, m => m.Ours);
        ByGpu(w, "ratio_ours_paper", r, m => m.Ratio);
        w.WriteStartObject("verdicts");
        foreach (var m in r.ByGpu)
            w.WriteString(m.Gpu, m.Verdict.Word());
        w.WriteEndObject();
        w.WriteString("verdict", r.Verdict.Word());
        w.WriteString("cause", r.Cause);
        w.WriteStartObject("protocol");
        w.WriteString("ours", r.OursProtocol);
        if (r.ReleasedProtocol is { } rp)
            w.WriteString("released", rp);
        else
            w.WriteNull("released");
        w.WriteEndObject();
        w.WriteStartObject("stand_in");
        foreach (var m in r.ByGpu)
            w.WriteString(m.Gpu, m.StandIn);
        w.WriteEndObject();
        w.WriteStartObject("notes");
        foreach (var m in r.ByGpu)
            w.WriteString(m.Gpu, m.Note ?? m.Missing);
        w.WriteEndObject();
        w.WriteStartArray("sources");
        foreach (var s in r.Sources)
            w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void ByGpu(Utf8JsonWriter w, string name, ClaimRow r, Func<ClaimMeasurement, double?> value)
    {
        w.WriteStartObject(name);
        foreach (var m in r.ByGpu)
            Number(w, m.Gpu, value(m));
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }
}
