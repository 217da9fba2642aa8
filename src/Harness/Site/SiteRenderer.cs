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

        // Rendered into a fresh sibling folder and swapped in at the end: a failure (or a full disk) leaves the old site as it was.
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        CheckOutput(target);
        var staging = Sibling(target, "rendering");
        try
        {
            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, Marker), "Rendered by maxk report; replaced on the next render.\n");
            foreach (var page in pages)
                Write(staging, page.Path, layout.Render(page));
            foreach (var table in pages.SelectMany(p => p.AllTables))
            {
                Write(staging, table.CsvPath, table.ToCsv());
                Write(staging, table.JsonPath, table.ToJson());
            }
            Write(staging, ClaimsPage.JsonPath, ClaimsJson.Write(model.Claims));
            Write(staging, ClaimsPage.CsvPath, ClaimsCsv.Write(model.Claims));
            foreach (var run in runs)
            {
                WriteBytes(staging, RunPage.DataPath(run), run.RawJson);
                foreach (var name in run.SidecarFiles)
                    WriteBytes(staging, RunPage.SidecarPath(run, name), File.ReadAllBytes(Path.Combine(run.Folder, name)));
            }
            var assets = Path.Combine(siteDirectory, "assets");
            foreach (var asset in Directory.Exists(assets) ? Directory.GetFiles(assets).Order(StringComparer.Ordinal).ToArray() : [])
                WriteBytes(staging, "assets/" + Path.GetFileName(asset), File.ReadAllBytes(asset));
            Swap(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
        log.WriteLine($"Site: {runs.Count} result file(s) ({runs.Count(r => r.Local)} local), {pages.Count} page(s), {pages.Sum(p => p.AllTables.Count())} table(s), "
            + $"{model.Claims.Rows.Count} claim(s) rendered to {Path.Combine(outputDirectory, "index.html")}");
        return runs.Count;
    }

    /// <summary>Marks a folder as rendered by this class, so a later render may replace it (and never a folder it did not make).</summary>
    public const string Marker = ".maxk-site";

    /// <summary>Refuses to replace a non-empty folder that 'maxk report' did not make.</summary>
    private static void CheckOutput(string target)
    {
        if (File.Exists(target))
            throw new HarnessException($"Output '{target}' is a file; choose a folder for --output.");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, Marker)))
            throw new HarnessException($"Output folder '{target}' is not empty and was not made by 'maxk report' (no {Marker} file); choose another --output.");
    }

    /// <summary>A new hidden folder beside <paramref name="target"/> (same file system, so the swap is two renames).</summary>
    private static string Sibling(string target, string role)
    {
        var parent = Path.GetDirectoryName(target) ?? throw new HarnessException($"Output folder '{target}' has no parent folder; choose another --output.");
        Directory.CreateDirectory(parent);
        return Path.Combine(parent, $".{Path.GetFileName(target)}.{role}-{Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    /// <summary>
    /// Puts the rendered folder in place of the old site: old → aside, new → target, aside deleted. Between the two
    /// renames the target is briefly absent (Linux has no portable rename that swaps two folders); if the second rename
    /// fails, the old site is put back.
    /// </summary>
    private static void Swap(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        var aside = Sibling(target, "old");
        Directory.Move(target, aside);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(aside, target);
            throw;
        }
        Directory.Delete(aside, recursive: true);
    }

    private static void Write(string root, string relative, string text) => WriteBytes(root, relative, new UTF8Encoding(false).GetBytes(text));

    private static void WriteBytes(string root, string relative, byte[] bytes)
    {
        var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
