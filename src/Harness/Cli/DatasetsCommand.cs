using System.CommandLine;
using System.Globalization;
using MaxK.Datasets;
using MaxK.Datasets.Fetching;
using MaxK.Datasets.GraphArchives;
using MaxK.Graphs;
using MaxK.Sources;

namespace MaxK.Harness.Cli;

/// <summary>
/// <c>maxk datasets</c>: list the catalog, download a dataset, print a loaded dataset's statistics. Folders resolve the
/// same way for every subcommand and for `maxk train` (<see cref="DataRoots"/>, <see cref="DatasetLocator"/>); every load
/// is checked against the catalog's statistics (a mismatch is exit 2, see <see cref="ExpectedStatistics"/>).
/// </summary>
public static class DatasetsCommand
{
    /// <summary>Handler used by <c>fetch</c>; tests may replace it (e.g. a short timeout).</summary>
    internal static Func<HttpClient> HttpClientFactory { get; set; } = () =>
        new HttpClient { Timeout = Timeout.InfiniteTimeSpan, DefaultRequestHeaders = { { "User-Agent", "maxk-datasets/1.0" } } };

    private static string Names => string.Join(", ", [.. DatasetCatalog.Names, PaperGraphArchive.Name]);

    public static Command Create()
    {
        var list = new Command("list", "Lists the known datasets, their sources and expected statistics.");
        list.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            foreach (var entry in DatasetCatalog.All)
            {
                o.WriteLine($"{entry.Name,-14} {entry.Description}");
                if (entry.Expected is { } e)
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{"",-14} expected: {e.Nodes:N0} nodes, {e.Edges:N0} edges ({e.EdgeNote}; loaded: {e.LoadedEdges}), {e.Features} features, {e.Classes} {(entry.IsMultiLabel ? "tasks" : "classes")}, split {e.Train:N0}/{e.Val:N0}/{e.Test:N0}, {entry.Metric}"));
                var known = entry.Sources.Count(s => s.Sha256 is not null);
                o.WriteLine($"{"",-14} source: {string.Join(" ", entry.Sources.Select(s => s.Url).Take(2))}{(entry.Sources.Count > 2 ? $" (+{entry.Sources.Count - 2} more)" : "")}" +
                            (known > 0 ? $"; SHA-256 known for {known} of {entry.Sources.Count} files" : "; no published checksum (the loaded statistics are checked)"));
            }
            o.WriteLine($"{PaperGraphArchive.Name,-14} {PaperGraphArchive.Description}");
            o.WriteLine($"{"",-14} expected: {PaperGraphArchive.Graphs.Count} graphs with the table's node and edge counts; use as dir:DATA/{PaperGraphArchive.Name}/{PaperGraphArchive.GraphsFolder}");
            o.WriteLine($"{"",-14} source: {PaperGraphArchive.Source.Url} (Google Drive, {PaperGraphArchive.ArchiveFileName})");
            return 0;
        });

        var name = new Argument<string>("name") { Description = $"Dataset name ({Names})." };
        var dataDir = new Option<string?>("--data-dir")
        {
            Description = $"Data folder. Reading (stats, train) looks in DIR/<name>, DIR/planetoid (Planetoid) and DIR itself; without it, in " +
                          $"${SharedDatasets.EnvironmentVariable}, the shared datasets folder, then ./data. fetch writes to DIR/<name> (default ${SharedDatasets.EnvironmentVariable}, else ./data).",
        };
        var sourceUrl = new Option<string?>("--source-url") { Description = "Download from this URL instead of the catalog's (a mirror or local copy)." };

        var fetch = new Command("fetch", "Downloads a dataset (resumable; verifies size and checksum; unpacks archives; checks the data against the catalog before installing it).")
        {
            name, dataDir, sourceUrl,
        };
        fetch.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var requested = parse.GetValue(name)!;
            var isArchive = string.Equals(requested.Trim(), PaperGraphArchive.Name, StringComparison.OrdinalIgnoreCase);
            var entry = isArchive ? null : Get(requested);
            var explicitDir = parse.GetValue(dataDir);
            var url = SourceUrl(parse.GetValue(sourceUrl));
            if (entry is not null && url is null && AlreadyPresent(entry, explicitDir, output) is { } present)
            {
                output.WriteLine($"{entry.Name}: ready in {present}");
                return 0;
            }
            var directory = DataRoots.ForWriting(explicitDir);
            using var http = HttpClientFactory();
            var fetcher = new DatasetFetcher(http, output);
            var target = isArchive
                ? PaperGraphArchive.FetchAsync(fetcher, directory, url).GetAwaiter().GetResult()
                : fetcher.FetchAsync(entry!, directory, url).GetAwaiter().GetResult();
            output.WriteLine($"{(isArchive ? PaperGraphArchive.Name : entry!.Name)}: ready in {target}" +
                             (isArchive ? $" (graph source: dir:{target})" : ""));
            return 0;
        });

        var stats = new Command("stats", "Loads a dataset, checks it against the catalog and prints its statistics.") { name, dataDir };
        stats.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var requested = parse.GetValue(name)!;
            if (string.Equals(requested.Trim(), PaperGraphArchive.Name, StringComparison.OrdinalIgnoreCase))
                return PrintArchive(o, parse.GetValue(dataDir));
            var entry = Get(requested);
            var folder = DatasetLocator.Locate(entry, parse.GetValue(dataDir));
            var dataset = entry.Load(folder);
            Print(o, entry, dataset, folder);
            return 0;
        });
        return new Command("datasets", "Real datasets: list, fetch, stats.") { list, fetch, stats };
    }

    private static DatasetCatalogEntry Get(string name) =>
        DatasetCatalog.TryGet(name, out var entry) ? entry : throw new HarnessException($"Unknown dataset '{name}'. Known datasets: {Names}.");

    private static Uri? SourceUrl(string? text)
    {
        if (text is null)
            return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url))
            throw new HarnessException($"--source-url '{text}' is not an absolute URL.");
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            throw new HarnessException($"--source-url '{url}' must be an http:// or https:// URL (for a local archive, copy it into the dataset folder under the catalog's file name).");
        return url;
    }

    /// <summary>
    /// The folder of a copy already readable where train and stats look, outside the fetch target (e.g. the shared
    /// folder's planetoid/), when it loads and matches the catalog: fetch then has nothing to do. Null otherwise.
    /// </summary>
    private static string? AlreadyPresent(DatasetCatalogEntry entry, string? explicitDir, TextWriter output)
    {
        string folder;
        try
        {
            folder = DatasetLocator.Locate(entry, explicitDir);
        }
        catch (DatasetNotFoundException)
        {
            return null;
        }
        var target = Path.Combine(DataRoots.ForWriting(explicitDir), entry.Name);
        if (Path.GetFullPath(folder).StartsWith(Path.GetFullPath(target), StringComparison.Ordinal))
            return null; // the fetch target itself: the fetcher re-checks and repairs it
        try
        {
            entry.Load(folder);
        }
        catch (Exception ex) when (DatasetFetcher.IsDataProblem(ex))
        {
            output.WriteLine($"{entry.Name}: the copy in {folder} fails its check ({ex.Message}); fetching a fresh one.");
            return null;
        }
        output.WriteLine($"{entry.Name}: already present and checked in {folder}; nothing to download.");
        return folder;
    }

    private static int PrintArchive(TextWriter o, string? dataDir)
    {
        var survey = PaperGraphArchive.Survey(dataDir);
        var real = survey.Count(s => s.IsReal);
        o.WriteLine($"{PaperGraphArchive.Name}: {real} of {survey.Count} paper graphs present as real files; {survey.Count - real} fall back to presets");
        foreach (var s in survey)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Graph.Name,-16} {s.Graph.Nodes,11:N0} nodes {s.Graph.Edges,13:N0} edges  {(s.IsReal ? "real" : "preset"),-6} {s.Spec}  ({s.Detail})"));
        return 0;
    }

    private static void Print(TextWriter o, DatasetCatalogEntry entry, NodeDataset dataset, string folder)
    {
        var s = DegreeStatistics.Compute(dataset.Graph);
        o.WriteLine($"{dataset.Name} (from {folder})");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nodes={dataset.NodeCount:N0} edges={dataset.Graph.EdgeCount:N0} features={dataset.FeatureCount} " +
            $"{(dataset.IsMultiLabel ? "tasks" : "classes")}={dataset.ClassCount} multi-label={dataset.IsMultiLabel} metric={dataset.Metric}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"split: train={dataset.TrainIndices.Length:N0} val={dataset.ValIndices.Length:N0} test={dataset.TestIndices.Length:N0}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"degree: min={s.MinDegree} max={s.MaxDegree} mean={s.MeanDegree:F2} median={s.MedianDegree:F1} stddev={s.StdDevDegree:F2} zero-degree rows={s.ZeroDegreeRows:N0}"));
        if (entry.Expected is { } e)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"expected: nodes={e.Nodes:N0} edges={e.LoadedEdges} ({e.LoadedEdges.Reason}) features={e.Features} classes={e.Classes} split={e.Train:N0}/{e.Val:N0}/{e.Test:N0}"));
            o.WriteLine("check: nodes, edges, features, classes and split sizes match the catalog.");
        }
        foreach (var source in entry.Sources.Where(source => source.Sha256 is not null))
        {
            var path = Path.Combine(folder, source.FileName);
            if (!File.Exists(path))
                continue;
            var actual = SourceFile.Of(path).Sha256;
            o.WriteLine($"sha256 {source.FileName}: {(string.Equals(actual, source.Sha256, StringComparison.OrdinalIgnoreCase) ? "matches the catalog" : $"DIFFERS (catalog {source.Sha256}, file {actual})")}");
        }
    }
}
