using System.Globalization;
using MaxK.Datasets.Fetching;
using MaxK.Graphs.Io;
using MaxK.Graphs.Synthetic;

namespace MaxK.Datasets.GraphArchives;

/// <summary>
/// The paper's 24 kernel-benchmark graphs as real files (design §5.2): the authors' Google Drive tarball
/// <c>maxk_graphs.tar.gz</c> (file id <see cref="DriveFileId"/>), which unpacks to <c>graphs/NAME.indptr</c> and
/// <c>graphs/NAME.indices</c> (raw int32 CSR, no values). `maxk datasets fetch maxk-graphs` downloads it into
/// <c>DATA/maxk-graphs/</c> (following Drive's virus-scan page), unpacks it into a temporary folder, checks every graph's
/// node and edge counts against the table (the same numbers as the <c>kernel-*</c> presets) and only then moves
/// <c>graphs/</c> into place: a mismatch or a missing graph deletes the download and installs nothing. The graphs are then
/// the source <c>dir:DATA/maxk-graphs/graphs</c>; <see cref="Survey"/> tells, for the paper suite, which of the 24 are real
/// here and which fall back to presets. No size or SHA-256 is recorded: none is published and the file could not be
/// downloaded here; the count check is the integrity check.
/// </summary>
public static class PaperGraphArchive
{
    public const string Name = "maxk-graphs";
    public const string DriveFileId = "1rSrxfZcdhjlMsJNXwUUWCaqytX4aUHWc";
    public const string ArchiveFileName = "maxk_graphs.tar.gz";

    /// <summary>The folder the archive unpacks to, below <c>DATA/maxk-graphs/</c>.</summary>
    public const string GraphsFolder = "graphs";

    public const string Description = "the paper's 24 kernel-benchmark graphs (design §5.2), raw int32 CSR, from the authors' Google Drive";

    private const string PresetPrefix = "kernel-";

    public static DownloadSource Source { get; } =
        new(GoogleDriveConfirmation.DownloadUrl(DriveFileId), ArchiveFileName, Extract: true, GoogleDrive: true);

    /// <summary>The 24 graphs in the table's order, from the <c>kernel-*</c> presets (which carry the table's counts).</summary>
    public static IReadOnlyList<PaperGraph> Graphs { get; } =
        [.. GraphPresets.KernelBenchmarks.Select(p => new PaperGraph(p.Name[PresetPrefix.Length..], p.Nodes, p.Edges, p.Name))];

    /// <summary>Downloads, checks and installs the archive into <c>dataDirectory/maxk-graphs</c>; returns the graphs folder.</summary>
    /// <exception cref="DatasetFetchException">The download failed, or a graph is missing or has other counts (nothing installed).</exception>
    public static Task<string> FetchAsync(DatasetFetcher fetcher, string dataDirectory, Uri? sourceUrl = null, CancellationToken cancellationToken = default) =>
        FetchAsync(fetcher, dataDirectory, Graphs, sourceUrl is null ? Source : Source with { Url = sourceUrl, GoogleDrive = false }, cancellationToken);

    /// <summary>As the public overload, from another source against another table (tests: a loopback Drive and small graphs).</summary>
    internal static async Task<string> FetchAsync(DatasetFetcher fetcher, string dataDirectory, IReadOnlyList<PaperGraph> table, DownloadSource source,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var target = Path.Combine(dataDirectory, Name);
        await fetcher.InstallAsync(Name, [source], target, folder => Check(folder, table), cancellationToken).ConfigureAwait(false);
        return FindGraphsFolder(target) ?? target;
    }

    /// <summary>
    /// Checks an unpacked archive: the folder holding the pairs (<c>graphs/</c>, or <paramref name="folder"/> itself) must
    /// hold all 24 graphs with the table's counts; extra graphs are allowed.
    /// </summary>
    /// <exception cref="DatasetIntegrityException">Missing graphs or other counts; the message lists each.</exception>
    /// <exception cref="DatasetNotFoundException">No graph files at all.</exception>
    public static void Check(string folder) => Check(folder, Graphs);

    internal static void Check(string folder, IReadOnlyList<PaperGraph> table)
    {
        var graphs = FindGraphsFolder(folder)
            ?? throw new DatasetNotFoundException(folder, [$"{GraphsFolder}/NAME.indptr", $"{GraphsFolder}/NAME.indices"], ["every NAME.indptr/NAME.indices pair"]);
        var statuses = SurveyFolder(graphs, table);
        var problems = statuses.Where(s => !s.IsReal).Select(s => $"{s.Graph.Name}: {s.Detail}").ToList();
        if (problems.Count > 0)
            throw new DatasetIntegrityException(Name, graphs, problems);
    }

    /// <summary>
    /// Which of the 24 graphs are real files under the data roots (DataRoots: --data-dir, else $MAXK_DATA_DIR, the shared
    /// folder, ./data; in each, <c>maxk-graphs/graphs</c> or <c>maxk-graphs</c>) and which fall back to their presets.
    /// Reads only file sizes and two integers per graph.
    /// </summary>
    public static IReadOnlyList<PaperGraphStatus> Survey(string? dataDirectory) => Survey(dataDirectory, Graphs);

    internal static IReadOnlyList<PaperGraphStatus> Survey(string? dataDirectory, IReadOnlyList<PaperGraph> table)
    {
        foreach (var root in DataRoots.ForReading(dataDirectory))
        {
            if (FindGraphsFolder(Path.Combine(root, Name)) is { } graphs)
                return SurveyFolder(graphs, table);
        }
        var where = $"no {Name} archive under {DataRoots.Describe(dataDirectory)} (`maxk datasets fetch {Name}`)";
        return [.. table.Select(g => new PaperGraphStatus(g, false, g.PresetName, where))];
    }

    /// <summary>The statuses of the 24 graphs against the pairs in <paramref name="graphsFolder"/>.</summary>
    public static IReadOnlyList<PaperGraphStatus> SurveyFolder(string graphsFolder) => SurveyFolder(graphsFolder, Graphs);

    internal static IReadOnlyList<PaperGraphStatus> SurveyFolder(string graphsFolder, IReadOnlyList<PaperGraph> table)
    {
        var files = RawCsrDirectory.Names(graphsFolder)
            .Select(name => (Name: name, Shape: ShapeOf(graphsFolder, name)))
            .ToList();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var byName = table.ToDictionary(g => g, g => files.FirstOrDefault(f => string.Equals(f.Name, g.Name, StringComparison.OrdinalIgnoreCase)));
        foreach (var file in byName.Values.Where(f => f.Name is not null))
            claimed.Add(file.Name);
        var statuses = new List<PaperGraphStatus>();
        foreach (var graph in table)
        {
            var file = byName[graph];
            if (file.Name is null)
            {
                // A file under another name (e.g. "reddit.dgl") is the graph when its counts are exactly the table's.
                var match = files.FirstOrDefault(f => !claimed.Contains(f.Name) && f.Shape.Error is null
                                                      && f.Shape.Nodes == graph.Nodes && f.Shape.Edges == graph.Edges);
                if (match.Name is not null)
                {
                    claimed.Add(match.Name);
                    statuses.Add(Real(graph, graphsFolder, match.Name, $"file {match.Name}, identified by its counts"));
                }
                else
                {
                    statuses.Add(new PaperGraphStatus(graph, false, graph.PresetName, $"missing from {graphsFolder}"));
                }
                continue;
            }
            if (file.Shape.Error is { } error)
                statuses.Add(new PaperGraphStatus(graph, false, graph.PresetName, $"unreadable: {error}"));
            else if (file.Shape.Nodes != graph.Nodes || file.Shape.Edges != graph.Edges)
                statuses.Add(new PaperGraphStatus(graph, false, graph.PresetName, string.Create(CultureInfo.InvariantCulture,
                    $"{file.Name} has {file.Shape.Nodes:N0} nodes and {file.Shape.Edges:N0} edges, the table {graph.Nodes:N0} and {graph.Edges:N0}")));
            else
                statuses.Add(Real(graph, graphsFolder, file.Name, $"file {file.Name}"));
        }
        return statuses;
    }

    /// <summary>The folder holding the pairs: <paramref name="folder"/>/graphs, else <paramref name="folder"/> itself; null when neither has any.</summary>
    public static string? FindGraphsFolder(string folder)
    {
        var nested = Path.Combine(folder, GraphsFolder);
        if (RawCsrDirectory.Names(nested).Count > 0)
            return nested;
        return RawCsrDirectory.Names(folder).Count > 0 ? folder : null;
    }

    private static PaperGraphStatus Real(PaperGraph graph, string folder, string file, string detail) =>
        new(graph, true, "csr:" + Path.Combine(folder, file), detail);

    private static (int Nodes, long Edges, string? Error) ShapeOf(string folder, string name)
    {
        try
        {
            var (nodes, edges) = RawCsrFiles.ReadShape(folder, name);
            return (nodes, edges, null);
        }
        catch (IOException e)
        {
            return (0, 0, e.Message);
        }
    }
}
