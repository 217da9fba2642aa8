using MaxK.Graphs;

namespace MaxK.Datasets.Ogb;

/// <summary>How an OGB node-property graph is turned into the training graph.</summary>
/// <param name="AddInverseEdges">Store each raw edge u,v in both directions (OGB's <c>add_inverse_edge</c>: true for
/// products and proteins, whose raw files list each undirected edge once).</param>
/// <param name="Symmetrize">Replace the graph by the union of it and its transpose, with repeated edges removed
/// (DGL's <c>to_bidirected</c>); our default for the directed ogbn-arxiv, as in DGL's and PyG's arxiv examples.</param>
/// <param name="AddSelfLoops">Apply DGL's AddSelfLoop at the end (remove existing loops, add one per node).</param>
public sealed record OgbLoadOptions(bool AddInverseEdges, bool Symmetrize, bool AddSelfLoops = false)
{
    /// <summary>
    /// The defaults for a dataset: products and proteins get inverse edges (123,718,280 and 79,122,504 stored
    /// edges); arxiv is symmetrised (its 1,166,243 citations become a bidirected graph); any other name keeps the
    /// raw directed edges.
    /// </summary>
    public static OgbLoadOptions For(string name) => name.ToLowerInvariant() switch
    {
        "ogbn-products" or "ogbn-proteins" => new OgbLoadOptions(AddInverseEdges: true, Symmetrize: false),
        "ogbn-arxiv" => new OgbLoadOptions(AddInverseEdges: false, Symmetrize: true),
        _ => new OgbLoadOptions(AddInverseEdges: false, Symmetrize: false),
    };
}

/// <summary>
/// Loads an OGB node-property dataset from its raw layout (the unpacked <c>&lt;name&gt;.zip</c> of
/// snap.stanford.edu/ogb): <c>raw/edge.csv.gz</c> (E lines "u,v"), <c>raw/num-node-list.csv.gz</c>,
/// <c>raw/num-edge-list.csv.gz</c>, <c>raw/node-label.csv.gz</c> (one class per line, or one 0/1 column per task
/// for multi-label proteins), <c>raw/node-feat.csv.gz</c> (N×F), and <c>split/&lt;kind&gt;/{train,valid,test}.csv.gz</c>.
/// <para>
/// Direction: a raw edge u,v is a DGL edge u → v, so row v lists u; see <see cref="OgbLoadOptions"/> for inverse
/// edges and symmetrisation. Rows end sorted with repeated edges removed. ogbn-proteins has no node features:
/// when <c>node-feat.csv.gz</c> is absent and <c>raw/edge-feat.csv.gz</c> is present, node v's features are the sum
/// of the features of its incoming edges in the loaded graph (with inverse edges, both endpoints of each raw edge
/// get its 8 values), as MaxK-GNN's script does. Multi-label labels use ROC-AUC, multi-class ones accuracy.
/// </para>
/// </summary>
public static class OgbNodeLoader
{
    public const string EdgeFile = "raw/edge.csv.gz";
    public const string NodeCountFile = "raw/num-node-list.csv.gz";
    public const string EdgeCountFile = "raw/num-edge-list.csv.gz";
    public const string LabelFile = "raw/node-label.csv.gz";
    public const string NodeFeatureFile = "raw/node-feat.csv.gz";
    public const string EdgeFeatureFile = "raw/edge-feat.csv.gz";

    /// <summary>Files every OGB node-property dataset has (features come from one of two files, splits from split/).</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } = [EdgeFile, NodeCountFile, EdgeCountFile, LabelFile];

    /// <summary>The split folder OGB uses for a dataset: time (arxiv), sales_ranking (products), species (proteins); null if unknown.</summary>
    public static string? SplitKindOf(string name) => name.ToLowerInvariant() switch
    {
        "ogbn-arxiv" => "time",
        "ogbn-products" => "sales_ranking",
        "ogbn-proteins" => "species",
        _ => null,
    };

    /// <summary>Loads <paramref name="name"/> from <paramref name="directory"/> (or the subfolder holding <c>raw/</c>).</summary>
    /// <param name="splitKind">Folder under <c>split/</c>; null means <see cref="SplitKindOf"/>, else the only folder there.</param>
    public static NodeDataset Load(string directory, string name, OgbLoadOptions? options = null, string? splitKind = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        options ??= OgbLoadOptions.For(name);
        var root = DatasetFolder.Resolve(directory, RequiredFiles);
        string PathOf(string relative) => Path.Combine(root, relative);

        var n = ReadSingleCount(PathOf(NodeCountFile));
        var e = ReadSingleCount(PathOf(EdgeCountFile));
        var (sources, destinations) = ReadEdges(PathOf(EdgeFile), n, e);

        var graph = options.AddInverseEdges
            ? EdgeListBuilder.Build(n, destinations, sources, bothDirections: true, PathOf(EdgeFile))
            : EdgeListBuilder.Build(n, destinations, sources, bothDirections: false, PathOf(EdgeFile));

        float[] features;
        int featureCount;
        if (File.Exists(PathOf(NodeFeatureFile)))
        {
            (features, featureCount) = ReadMatrix(PathOf(NodeFeatureFile), n);
        }
        else if (File.Exists(PathOf(EdgeFeatureFile)))
        {
            var (edgeFeatures, width) = ReadMatrix(PathOf(EdgeFeatureFile), e);
            featureCount = width;
            features = new float[(long)n * width];
            for (var i = 0; i < e; i++)
            {
                var edgeRow = edgeFeatures.AsSpan(i * width, width);
                Accumulate(features.AsSpan(destinations[i] * width, width), edgeRow);
                if (options.AddInverseEdges)
                    Accumulate(features.AsSpan(sources[i] * width, width), edgeRow);
            }
        }
        else
        {
            throw new DatasetNotFoundException(Path.Combine(root, "raw"), [.. RequiredFiles, NodeFeatureFile + " or " + EdgeFeatureFile],
                [NodeFeatureFile + " (or " + EdgeFeatureFile + ")"]);
        }

        var (labelValues, labelWidth) = ReadMatrix(PathOf(LabelFile), n);
        int[]? labels = null;
        float[]? multiLabels = null;
        int classCount;
        if (labelWidth == 1)
        {
            labels = new int[n];
            var max = -1;
            for (var v = 0; v < n; v++)
            {
                var value = labelValues[v];
                if (!(value >= 0) || value != MathF.Floor(value) || value > int.MaxValue)
                    throw new CorruptDatasetException(PathOf(LabelFile), $"line {v + 1}: label {value} is not a non-negative integer.");
                labels[v] = (int)value;
                max = Math.Max(max, labels[v]);
            }
            classCount = Math.Max(max + 1, 1);
        }
        else
        {
            for (var i = 0; i < labelValues.Length; i++)
            {
                if (labelValues[i] is not (0f or 1f))
                    throw new CorruptDatasetException(PathOf(LabelFile), $"line {i / labelWidth + 1}: multi-label values must be 0 or 1, got {labelValues[i]}.");
            }
            multiLabels = labelValues;
            classCount = labelWidth;
        }

        var kind = splitKind ?? SplitKindOf(name) ?? OnlySplitFolder(root);
        var splitDirectory = Path.Combine(root, "split", kind);
        string[] splitFiles = ["train.csv.gz", "valid.csv.gz", "test.csv.gz"];
        var missingSplits = splitFiles.Where(f => !File.Exists(Path.Combine(splitDirectory, f))).ToList();
        if (missingSplits.Count > 0)
            throw new DatasetNotFoundException(splitDirectory, splitFiles, missingSplits);
        var train = ReadIndexList(Path.Combine(splitDirectory, "train.csv.gz"), n);
        var valid = ReadIndexList(Path.Combine(splitDirectory, "valid.csv.gz"), n);
        var test = ReadIndexList(Path.Combine(splitDirectory, "test.csv.gz"), n);

        graph = options.Symmetrize ? GraphOps.Symmetrize(graph) : GraphOps.SortAndDeduplicate(graph);
        if (options.AddSelfLoops)
            graph = GraphOps.AddSelfLoops(graph);
        return new NodeDataset(name, graph, features, featureCount, labels, multiLabels, classCount, train, valid, test,
            multiLabels is null ? DatasetMetric.Accuracy : DatasetMetric.RocAuc);
    }

    private static void Accumulate(Span<float> destination, ReadOnlySpan<float> values)
    {
        for (var j = 0; j < values.Length; j++)
            destination[j] += values[j];
    }

    private static string OnlySplitFolder(string root)
    {
        var splitRoot = Path.Combine(root, "split");
        var folders = Directory.Exists(splitRoot) ? Directory.GetDirectories(splitRoot) : [];
        if (folders.Length != 1)
            throw new DatasetNotFoundException(splitRoot, ["<kind>/train.csv.gz", "<kind>/valid.csv.gz", "<kind>/test.csv.gz"],
                [folders.Length == 0 ? "a split folder" : $"a single split folder (found {folders.Length})"]);
        return Path.GetFileName(folders[0]);
    }

    private static int ReadSingleCount(string path)
    {
        using var reader = new GzipCsvReader(path);
        if (!reader.TryReadLine(out var line))
            throw new CorruptDatasetException(path, "empty file; expected one count.");
        var value = reader.ParseInt32(line, 0);
        if (reader.TryReadLine(out _))
            throw reader.Error("more than one graph; node-property datasets have exactly one.");
        return value;
    }

    private static (int[] Sources, int[] Destinations) ReadEdges(string path, int nodeCount, int edgeCount)
    {
        var sources = GC.AllocateUninitializedArray<int>(edgeCount);
        var destinations = GC.AllocateUninitializedArray<int>(edgeCount);
        using var reader = new GzipCsvReader(path);
        var count = 0;
        while (reader.TryReadLine(out var line))
        {
            if (count == edgeCount)
                throw reader.Error($"more edges than the {edgeCount} of {EdgeCountFile}.");
            var comma = line.IndexOf((byte)',');
            if (comma < 0 || line[(comma + 1)..].Contains((byte)','))
                throw reader.Error("expected two comma-separated node ids.");
            sources[count] = reader.ParseInt32(line[..comma], 0, nodeCount - 1);
            destinations[count] = reader.ParseInt32(line[(comma + 1)..], 0, nodeCount - 1);
            count++;
        }
        if (count != edgeCount)
            throw new CorruptDatasetException(path, $"{count} edges, but {EdgeCountFile} says {edgeCount}.");
        return (sources, destinations);
    }

    /// <summary>
    /// Reads <paramref name="rows"/> lines of equal width (that of the first line). Lines are decompressed in blocks
    /// of about 8 MiB and each block is parsed in parallel, so wide float files (products: 2.4M × 100) use every core.
    /// </summary>
    private static (float[] Values, int Width) ReadMatrix(string path, int rows)
    {
        using var reader = new GzipCsvReader(path);
        if (!reader.TryReadLine(out var line))
        {
            if (rows == 0)
                return ([], 0);
            throw new CorruptDatasetException(path, $"empty file; expected {rows} lines.");
        }
        var width = GzipCsvReader.CountFields(line);
        var values = GC.AllocateUninitializedArray<float>(checked(rows * width));
        const int blockBytes = 8 << 20;
        var block = new byte[blockBytes];
        var starts = new List<int>();
        var lengths = new List<int>();
        var lineNumbers = new List<long>();
        var row = 0;
        var used = 0;

        void ParseBlock()
        {
            var firstRow = row - starts.Count;
            try
            {
                Parallel.For(0, starts.Count, i =>
                    reader.ParseSingles(block.AsSpan(starts[i], lengths[i]), values.AsSpan((firstRow + i) * width, width), lineNumbers[i]));
            }
            catch (AggregateException ex) when (ex.InnerExceptions.All(inner => inner is CorruptDatasetException))
            {
                // Report the earliest bad line, as a serial parse would.
                throw ex.InnerExceptions.Cast<CorruptDatasetException>().MinBy(inner => LineOf(inner.Message))!;
            }
            starts.Clear();
            lengths.Clear();
            lineNumbers.Clear();
            used = 0;
        }

        var more = true;
        while (more)
        {
            if (row == rows)
                throw reader.Error($"more than the expected {rows} lines.");
            if (line.Length > block.Length)
            {
                ParseBlock();
                block = new byte[line.Length];
            }
            else if (used + line.Length > block.Length)
            {
                ParseBlock();
            }
            line.CopyTo(block.AsSpan(used));
            starts.Add(used);
            lengths.Add(line.Length);
            lineNumbers.Add(reader.LineNumber);
            used += line.Length;
            row++;
            more = reader.TryReadLine(out line);
        }
        ParseBlock();
        if (row != rows)
            throw new CorruptDatasetException(path, $"{row} lines, expected {rows}.");
        return (values, width);
    }

    private static long LineOf(string message)
    {
        var at = message.IndexOf(": line ", StringComparison.Ordinal);
        if (at < 0)
            return long.MaxValue;
        var digits = message.AsSpan(at + 7);
        var end = digits.IndexOf(':');
        return end > 0 && long.TryParse(digits[..end], System.Globalization.CultureInfo.InvariantCulture, out var line) ? line : long.MaxValue;
    }

    private static int[] ReadIndexList(string path, int nodeCount)
    {
        var result = new List<int>();
        using var reader = new GzipCsvReader(path);
        while (reader.TryReadLine(out var line))
            result.Add(reader.ParseInt32(line, 0, nodeCount - 1));
        return [.. result];
    }
}
