using System.Globalization;
using MaxK.Harness.Results;
using Scriban;
using Scriban.Runtime;

namespace MaxK.Harness.Site;

/// <summary>
/// Renders the static results site from result files with the Scriban templates in site/templates.
/// Deterministic (files in ordinal order, invariant culture) and escaped: every string from results goes through html.escape.
/// </summary>
public static class SiteRenderer
{
    public static int Render(string resultsDirectory, string siteDirectory, string outputDirectory, TextWriter log)
    {
        var files = Directory.Exists(resultsDirectory) ? ResultSchemaValidator.ResultFiles(resultsDirectory) : [];
        var runs = new List<ScriptObject>();
        foreach (var file in files)
        {
            try
            {
                runs.Add(ToModel(ResultJson.Read(file)));
            }
            catch (HarnessException ex)
            {
                log.WriteLine($"warning: skipped {ex.Message}");
            }
        }
        var templatePath = Path.Combine(siteDirectory, "templates", "index.scriban-html");
        var template = Template.Parse(File.ReadAllText(templatePath), templatePath);
        if (template.HasErrors)
            throw new HarnessException($"Template {templatePath} has errors: {string.Join("; ", template.Messages)}");
        var model = new ScriptObject { ["runs"] = runs, ["results_dir"] = resultsDirectory };
        var context = new TemplateContext { StrictVariables = true };
        context.PushGlobal(model);
        Directory.CreateDirectory(outputDirectory);
        AtomicFile.WriteAllText(Path.Combine(outputDirectory, "index.html"), template.Render(context));
        var assets = Path.Combine(siteDirectory, "assets");
        foreach (var asset in Directory.Exists(assets) ? Directory.GetFiles(assets) : [])
        {
            Directory.CreateDirectory(Path.Combine(outputDirectory, "assets"));
            File.Copy(asset, Path.Combine(outputDirectory, "assets", Path.GetFileName(asset)), overwrite: true);
        }
        log.WriteLine($"Site: {runs.Count} run(s) rendered to {Path.Combine(outputDirectory, "index.html")}");
        return runs.Count;
    }

    private static ScriptObject ToModel(RunResult r)
    {
        static string F(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";
        var cases = r.Cases.Select(c => new ScriptObject
        {
            ["kernel"] = c.Kernel + (c.WidthK == true ? " (width k)" : ""), ["implementation"] = c.Implementation, ["graph"] = c.Graph, ["graph_label"] = c.GraphLabel,
            ["nodes"] = c.Nodes.ToString("N0", CultureInfo.InvariantCulture), ["edges"] = c.Edges.ToString("N0", CultureInfo.InvariantCulture),
            ["dim"] = c.Dim, ["k"] = c.K > 0 ? c.K.ToString(CultureInfo.InvariantCulture) : "—",
            ["median"] = F(c.MedianMs, "F3"),
            ["ci"] = c.MedianCi95LowMs is null ? "—" : $"{F(c.MedianCi95LowMs, "F3")}–{F(c.MedianCi95HighMs, "F3")}",
            ["gbps"] = F(c.GbPerS, "F2"), ["speedup"] = c.Speedup is { } s ? F(s, "F2") + "×" : "—",
            ["verified"] = c.Verified ? "yes" : "NO" + (c.Error is null ? "" : $": {c.Error}"), ["verified_class"] = c.Verified ? "ok" : "fail",
        }).ToList();
        return new ScriptObject
        {
            ["suite"] = r.Manifest.Suite, ["host"] = r.Manifest.Host, ["started"] = r.Manifest.StartedUtc.ToString("u", CultureInfo.InvariantCulture),
            ["commit"] = r.Manifest.HarnessCommit, ["dirty"] = r.Manifest.HarnessDirty, ["gpu"] = r.Manifest.Gpu ?? "none",
            ["os"] = r.Manifest.Os, ["dotnet"] = r.Manifest.Dotnet,
            ["skipped"] = r.Skipped.Select(s => new ScriptObject { ["what"] = s.What, ["reason"] = s.Reason }).ToList(),
            ["cases"] = cases,
        };
    }
}
