using System.Globalization;
using System.Text.Json;
using MaxK.Datasets.Numpy;
using MaxK.Graphs;

namespace MaxK.Datasets.GraphSaint;

/// <summary>
/// Loads a dataset in the GraphSAINT layout (Flickr, Yelp; DGL's <c>FlickrDataset</c>/<c>YelpDataset</c> zips and
/// PyG's downloads): <c>adj_full.npz</c> (scipy sparse adjacency), <c>feats.npy</c> (N×F), <c>class_map.json</c>
/// (node id → class, or → list of 0/1 for multi-label) and <c>role.json</c> (<c>{"tr": [...], "va": [...], "te": [...]}</c>).
/// <para>
/// Graph orientation, sorting and self-loops as in <see cref="Reddit.RedditLoader"/> (entry A[u, v] is u → v; no
/// self-loops unless asked). Features are returned as stored (cast to float32), without GraphSAINT's
/// train-set standardisation. A class map whose values are lists makes a multi-label dataset (metric micro-F1);
/// integers make a multi-class one (accuracy). Split lists keep the order of role.json.
/// </para>
/// </summary>
public static class GraphSaintLoader
{
    public const string AdjacencyFile = "adj_full.npz";
    public const string FeaturesFile = "feats.npy";
    public const string ClassMapFile = "class_map.json";
    public const string RoleFile = "role.json";

    public static IReadOnlyList<string> ExpectedFiles { get; } = [AdjacencyFile, FeaturesFile, ClassMapFile, RoleFile];

    /// <summary>Loads dataset <paramref name="name"/> (used as <see cref="NodeDataset.Name"/>) from <paramref name="directory"/>.</summary>
    public static NodeDataset Load(string directory, string name, bool addSelfLoops = false)
    {
        var root = DatasetFolder.Resolve(directory, ExpectedFiles);
        var adjacencyPath = Path.Combine(root, AdjacencyFile);
        var featuresPath = Path.Combine(root, FeaturesFile);
        var classMapPath = Path.Combine(root, ClassMapFile);
        var rolePath = Path.Combine(root, RoleFile);

        var feats = NpyReader.ReadNpy(featuresPath);
        feats.RequireRank(2, "feats");
        var n = checked((int)feats.Shape[0]);
        var featureCount = checked((int)feats.Shape[1]);

        var adjacency = ScipySparseReader.ReadGraph(adjacencyPath);
        if (adjacency.NodeCount != n)
            throw new CorruptDatasetException(adjacencyPath, $"the adjacency matrix has {adjacency.NodeCount} nodes but {FeaturesFile} has {n} rows.");
        var graph = GraphOps.SortAndDeduplicate(GraphOps.Transpose(adjacency));
        if (addSelfLoops)
            graph = GraphOps.AddSelfLoops(graph);

        var (labels, multiLabels, classCount) = ReadClassMap(classMapPath, n);
        var (train, val, test) = ReadRoles(rolePath, n);
        return new NodeDataset(name, graph, feats.ToFloat32(), featureCount, labels, multiLabels, classCount, train, val, test,
            multiLabels is null ? DatasetMetric.Accuracy : DatasetMetric.MicroF1);
    }

    private static (int[]? Labels, float[]? MultiLabels, int ClassCount) ReadClassMap(string path, int n)
    {
        var bytes = WithoutBom(File.ReadAllBytes(path));
        var reader = new Utf8JsonReader(bytes.Span, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        int[]? labels = null;
        float[]? multi = null;
        var seen = new bool[n];
        var width = -1;
        var maxClass = -1;
        try
        {
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, path, "class_map must be a JSON object.");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var keyText = reader.GetString()!;
                if (!int.TryParse(keyText, NumberStyles.None, CultureInfo.InvariantCulture, out var node) || node >= n)
                    throw new CorruptDatasetException(path, $"key '{keyText}' is not a node id in [0, {n}).");
                if (seen[node])
                    throw new CorruptDatasetException(path, $"node {node} appears twice.");
                seen[node] = true;
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number)
                {
                    Expect(multi is null, path, "mixes integer classes and label lists.");
                    labels ??= new int[n];
                    if (!reader.TryGetInt32(out var label) || label < 0)
                        throw new CorruptDatasetException(path, $"class of node {node} is not a non-negative integer.");
                    labels[node] = label;
                    maxClass = Math.Max(maxClass, label);
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    Expect(labels is null, path, "mixes integer classes and label lists.");
                    var row = new List<float>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var bit) || bit is not (0 or 1))
                            throw new CorruptDatasetException(path, $"label list of node {node} must hold only 0 and 1.");
                        row.Add(bit);
                    }
                    if (width < 0)
                    {
                        width = row.Count;
                        if (width == 0)
                            throw new CorruptDatasetException(path, "label lists are empty.");
                        multi = new float[(long)n * width];
                    }
                    if (row.Count != width)
                        throw new CorruptDatasetException(path, $"label list of node {node} has {row.Count} entries; the first had {width}.");
                    // The row width is fixed by the first list; rows land at node * width.
                    for (var c = 0; c < width; c++)
                        multi![(long)node * width + c] = row[c];
                }
                else
                {
                    throw new CorruptDatasetException(path, $"class of node {node} must be an integer or a list of 0/1.");
                }
            }
        }
        catch (JsonException ex)
        {
            throw new CorruptDatasetException(path, $"invalid JSON: {ex.Message}", ex);
        }
        var missing = Array.IndexOf(seen, false);
        if (missing >= 0)
            throw new CorruptDatasetException(path, $"node {missing} has no class (expected keys 0 .. {n - 1}).");
        return labels is not null ? (labels, null, maxClass + 1) : (null, multi, width);
    }

    private static (int[] Train, int[] Val, int[] Test) ReadRoles(string path, int n)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(WithoutBom(File.ReadAllBytes(path)));
        }
        catch (JsonException ex)
        {
            throw new CorruptDatasetException(path, $"invalid JSON: {ex.Message}", ex);
        }
        using (document)
        {
            int[] List(string key)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(key, out var array)
                    || array.ValueKind != JsonValueKind.Array)
                    throw new CorruptDatasetException(path, $"missing list '{key}' (expected keys tr, va, te).");
                var result = new int[array.GetArrayLength()];
                var i = 0;
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var node) || (uint)node >= (uint)n)
                        throw new CorruptDatasetException(path, $"'{key}'[{i}] is not a node id in [0, {n}).");
                    result[i++] = node;
                }
                return result;
            }
            return (List("tr"), List("va"), List("te"));
        }
    }

    private static ReadOnlyMemory<byte> WithoutBom(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsMemory(3) : bytes;

    private static void Expect(bool condition, string path, string problem)
    {
        if (!condition)
            throw new CorruptDatasetException(path, problem);
    }
}
