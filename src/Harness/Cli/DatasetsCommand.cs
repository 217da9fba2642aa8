using System.CommandLine;
using System.Globalization;
using MaxK.Datasets;
using MaxK.Datasets.Fetching;
using MaxK.Graphs;

namespace MaxK.Harness.Cli;

/// <summary><c>maxk datasets</c>: list the catalog, download a dataset, print a loaded dataset's statistics.</summary>
public static class DatasetsCommand
{
    /// <summary>Handler used by <c>fetch</c>; tests may replace it (e.g. a short timeout).</summary>
    internal static Func<HttpClient> HttpClientFactory { get; set; } = () =>
        new HttpClient { Timeout = Timeout.InfiniteTimeSpan, DefaultRequestHeaders = { { "User-Agent", "maxk-datasets/1.0" } } };

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
                        $"{"",-14} expected: {e.Nodes:N0} nodes, {e.Edges:N0} edges ({e.EdgeNote}), {e.Features} features, {e.Classes} {(entry.IsMultiLabel ? "tasks" : "classes")}, split {e.Train:N0}/{e.Val:N0}/{e.Test:N0}, {entry.Metric}"));
                o.WriteLine($"{"",-14} source: {string.Join(" ", entry.Sources.Select(s => s.Url).Take(2))}{(entry.Sources.Count > 2 ? $" (+{entry.Sources.Count - 2} more)" : "")}");
            }
            return 0;
        });

        var name = new Argument<string>("name") { Description = $"Dataset name ({string.Join(", ", DatasetCatalog.Names)})." };
        var dataDir = new Option<string?>("--data-dir") { Description = $"Data folder (default: ${SharedDatasets.EnvironmentVariable}, else ./data); the dataset goes in DIR/<name>." };
        var sourceUrl = new Option<string?>("--source-url") { Description = "Download from this URL instead of the catalog's (a mirror or local copy)." };

        var fetch = new Command("fetch", "Downloads a dataset (resumable; verifies size and checksum; unzips archives).") { name, dataDir, sourceUrl };
        fetch.SetAction(parse =>
        {
            var entry = DatasetCatalog.Get(parse.GetValue(name)!);
            var directory = DatasetCatalog.DataDirectory(parse.GetValue(dataDir));
            Uri? url = null;
            if (parse.GetValue(sourceUrl) is { } text && !Uri.TryCreate(text, UriKind.Absolute, out url))
                throw new HarnessException($"--source-url '{text}' is not an absolute URL.");
            if (url is not null && url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
                throw new HarnessException($"--source-url '{url}' must be an http:// or https:// URL (for a local archive, copy it into the dataset folder under the catalog's file name).");
            using var http = HttpClientFactory();
            var fetcher = new DatasetFetcher(http, parse.InvocationConfiguration.Output);
            var target = fetcher.FetchAsync(entry, directory, url).GetAwaiter().GetResult();
            parse.InvocationConfiguration.Output.WriteLine($"{entry.Name}: ready in {target}");
            return 0;
        });

        var stats = new Command("stats", "Loads a dataset and prints its statistics.") { name, dataDir };
        stats.SetAction(parse =>
        {
            var entry = DatasetCatalog.Get(parse.GetValue(name)!);
            var directory = Path.Combine(DatasetCatalog.DataDirectory(parse.GetValue(dataDir)), entry.Name);
            var dataset = entry.Load(directory);
            Print(parse.InvocationConfiguration.Output, entry, dataset);
            return 0;
        });
        return new Command("datasets", "Real datasets: list, fetch, stats.") { list, fetch, stats };
    }

    private static void Print(TextWriter o, DatasetCatalogEntry entry, NodeDataset dataset)
    {
        var s = DegreeStatistics.Compute(dataset.Graph);
        o.WriteLine(dataset.Name);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nodes={dataset.NodeCount:N0} edges={dataset.Graph.EdgeCount:N0} features={dataset.FeatureCount} " +
            $"{(dataset.IsMultiLabel ? "tasks" : "classes")}={dataset.ClassCount} multi-label={dataset.IsMultiLabel} metric={dataset.Metric}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"split: train={dataset.TrainIndices.Length:N0} val={dataset.ValIndices.Length:N0} test={dataset.TestIndices.Length:N0}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"degree: min={s.MinDegree} max={s.MaxDegree} mean={s.MeanDegree:F2} median={s.MedianDegree:F1} stddev={s.StdDevDegree:F2} zero-degree rows={s.ZeroDegreeRows:N0}"));
        if (entry.Expected is { } e)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"expected: nodes={e.Nodes:N0} edges={e.Edges:N0} ({e.EdgeNote}) features={e.Features} classes={e.Classes} split={e.Train:N0}/{e.Val:N0}/{e.Test:N0}"));
            var matches = dataset.NodeCount == e.Nodes && dataset.FeatureCount == e.Features && dataset.ClassCount == e.Classes
                          && dataset.TrainIndices.Length == e.Train && dataset.ValIndices.Length == e.Val && dataset.TestIndices.Length == e.Test;
            o.WriteLine(matches ? "nodes, features, classes and split sizes match the expected statistics."
                                : "warning: nodes, features, classes or split sizes differ from the expected statistics.");
        }
    }
}
