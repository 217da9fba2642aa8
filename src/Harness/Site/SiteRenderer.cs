using System.Globalization;
using System.Text;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Analysis.Claims;
using MaxK.Harness.Paper;
using MaxK.Harness.Results;
using MaxK.Harness.Site.Pages;

namespace MaxK.Harness.Site;

/// <summary>
/// Renders the static results site from result files: index, kernel and training pages, a page per run, run
/// comparisons and downloads (CSV/JSON of every table, the result files unchanged), laid out with the Scriban
/// templates in site/templates and the Markdown in site/content. Deterministic: files in ordinal order, invariant
/// culture, no build timestamps, so the same results give a byte-identical site. Every string from results is escaped.
/// </summary>
public static class SiteRenderer
{
    /// <summary>Renders the site into <paramref name="outputDirectory"/> and returns the number of result files rendered.</summary>
    public static int Render(string resultsDirectory, string siteDirectory, string outputDirectory, TextWriter log) =>
        Render(resultsDirectory, [], siteDirectory, outputDirectory, log);

    /// <summary>
    /// Renders the committed results plus local runs (files or folders outside them, marked local on every page: see
    /// <see cref="SiteRunLoader"/>) into <paramref name="outputDirectory"/>; returns the number of result files rendered.
    /// </summary>
    public static int Render(string resultsDirectory, IReadOnlyList<string> local, string siteDirectory, string outputDirectory, TextWriter log)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return RenderInvariant(resultsDirectory, local, siteDirectory, outputDirectory, log);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static int RenderInvariant(string resultsDirectory, IReadOnlyList<string> local, string siteDirectory, string outputDirectory, TextWriter log)
    {
        var runs = SiteRunLoader.Load(resultsDirectory, local, log);
        var content = new SiteContent(Path.Combine(siteDirectory, "content"));
        var paper = PaperNumbers.Load(Path.Combine(siteDirectory, "content", "paper-numbers.json"));
        var layout = new SiteLayout(Path.Combine(siteDirectory, "templates"), content.Page("reproduce"));
        var model = new SiteModel(runs, paper);

        var pages = new List<SitePage>
        {
            IndexPage.Build(model, content),
            ClaimsPage.Build(model, content),
            KernelPage.Build(model.Groups, content),
            TrainingPage.Build(model, content),
        };
        pages.AddRange(ComparePages.Build(runs, content));
        pages.AddRange(runs.Select(r => RunPage.Build(r, ComparePages.Previous(r, runs))));
        pages.Add(DownloadsPage.Build(pages, runs, content));

        var tableIds = pages.SelectMany(p => p.AllTables).GroupBy(t => t.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (tableIds.Count > 0)
            throw new HarnessException($"Site tables with the same id: {string.Join(", ", tableIds)}.");

        PrepareOutput(outputDirectory);
        foreach (var page in pages)
            Write(outputDirectory, page.Path, layout.Render(page));
        foreach (var table in pages.SelectMany(p => p.AllTables))
        {
            Write(outputDirectory, table.CsvPath, table.ToCsv());
            Write(outputDirectory, table.JsonPath, table.ToJson());
        }
        Write(outputDirectory, ClaimsPage.JsonPath, ClaimsJson.Write(model.Claims));
        Write(outputDirectory, ClaimsPage.CsvPath, ClaimsCsv.Write(model.Claims));
        foreach (var run in runs)
        {
            WriteBytes(outputDirectory, RunPage.DataPath(run), run.RawJson);
            foreach (var name in run.SidecarFiles)
                WriteBytes(outputDirectory, RunPage.SidecarPath(run, name), File.ReadAllBytes(Path.Combine(run.Folder, name)));
        }
        var assets = Path.Combine(siteDirectory, "assets");
        foreach (var asset in Directory.Exists(assets) ? Directory.GetFiles(assets).Order(StringComparer.Ordinal).ToArray() : [])
            WriteBytes(outputDirectory, "assets/" + Path.GetFileName(asset), File.ReadAllBytes(asset));
        log.WriteLine($"Site: {runs.Count} result file(s) ({runs.Count(r => r.Local)} local), {pages.Count} page(s), {pages.Sum(p => p.AllTables.Count())} table(s), "
            + $"{model.Claims.Rows.Count} claim(s) rendered to {Path.Combine(outputDirectory, "index.html")}");
        return runs.Count;
    }

    /// <summary>Marks a folder as rendered by this class, so a later render may empty it (and never a folder it did not make).</summary>
    public const string Marker = ".maxk-site";

    private static void PrepareOutput(string outputDirectory)
    {
        if (Directory.Exists(outputDirectory) && Directory.EnumerateFileSystemEntries(outputDirectory).Any())
        {
            if (!File.Exists(Path.Combine(outputDirectory, Marker)))
                throw new HarnessException($"Output folder '{outputDirectory}' is not empty and was not made by 'maxk report' (no {Marker} file); choose another --output.");
            Directory.Delete(outputDirectory, recursive: true);
        }
        Directory.CreateDirectory(outputDirectory);
        File.WriteAllText(Path.Combine(outputDirectory, Marker), "Rendered by maxk report; emptied on the next render.\n");
    }

    private static void Write(string root, string relative, string text) => WriteBytes(root, relative, new UTF8Encoding(false).GetBytes(text));

    private static void WriteBytes(string root, string relative, byte[] bytes)
    {
        var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
