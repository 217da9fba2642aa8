using MaxK.Datasets.Numpy;
using MaxK.Graphs;

namespace MaxK.Datasets.Reddit;

/// <summary>
/// Loads DGL's Reddit dataset (<c>reddit.zip</c> from data.dgl.ai): <c>reddit_data.npz</c> with
/// <c>feature</c> (N×602), <c>label</c> (N) and <c>node_types</c> (1 = train, 2 = validation, 3 = test), and
/// <c>reddit_graph.npz</c>, a scipy sparse adjacency matrix.
/// <para>
/// Graph: like DGL's <c>from_scipy</c>, stored entry A[u, v] is an edge u → v, so row v of the result
/// (which aggregates) lists u; for Reddit's symmetric matrix this is A itself. Rows are sorted and repeated
/// entries dropped. No self-loops are added unless <paramref name="addSelfLoops"/> is set; MaxK-GNN's training
/// script applies DGL's <c>AddSelfLoop</c> at load (remove existing loops, add one per node), which
/// <c>addSelfLoops: true</c> reproduces (same as <see cref="NodeDataset.WithSelfLoops"/>).
/// </para>
/// </summary>
public static class RedditLoader
{
    public const string DataFile = "reddit_data.npz";
    public const string GraphFile = "reddit_graph.npz";

    public static IReadOnlyList<string> ExpectedFiles { get; } = [DataFile, GraphFile];

    /// <summary>Loads from <paramref name="directory"/> (or the subfolder holding both files).</summary>
    public static NodeDataset Load(string directory, bool addSelfLoops = false)
    {
        var root = DatasetFolder.Resolve(directory, ExpectedFiles);
        var dataPath = Path.Combine(root, DataFile);
        var graphPath = Path.Combine(root, GraphFile);

        var data = NpyReader.ReadNpz(dataPath);
        var feature = NpyReader.Require(data, dataPath, "feature");
        feature.RequireRank(2, "feature");
        var label = NpyReader.Require(data, dataPath, "label");
        label.RequireRank(1, "label");
        var types = NpyReader.Require(data, dataPath, "node_types");
        types.RequireRank(1, "node_types");
        var n = checked((int)feature.Shape[0]);
        var featureCount = checked((int)feature.Shape[1]);
        if (label.Shape[0] != n || types.Shape[0] != n)
            throw new CorruptDatasetException(dataPath,
                $"feature has {n} rows but label has {label.Shape[0]} and node_types {types.Shape[0]}.");
        var labels = label.ToInt32("label");
        var classCount = ClassCountOf(labels, dataPath);
        var nodeTypes = types.ToInt32("node_types");
        var train = new List<int>();
        var val = new List<int>();
        var test = new List<int>();
        for (var v = 0; v < n; v++)
        {
            switch (nodeTypes[v])
            {
                case 1: train.Add(v); break;
                case 2: val.Add(v); break;
                case 3: test.Add(v); break;
                default:
                    throw new CorruptDatasetException(dataPath, $"node_types[{v}] = {nodeTypes[v]}; expected 1 (train), 2 (validation) or 3 (test).");
            }
        }

        var adjacency = ScipySparseReader.ReadGraph(graphPath);
        if (adjacency.NodeCount != n)
            throw new CorruptDatasetException(graphPath, $"the adjacency matrix has {adjacency.NodeCount} nodes but {DataFile} has {n}.");
        var graph = GraphOps.SortAndDeduplicate(GraphOps.Transpose(adjacency));
        if (addSelfLoops)
            graph = GraphOps.AddSelfLoops(graph);
        return new NodeDataset("reddit", graph, feature.ToFloat32(), featureCount, labels, null, classCount,
            [.. train], [.. val], [.. test], DatasetMetric.Accuracy);
    }

    /// <summary>max(label) + 1, after checking every label is non-negative.</summary>
    internal static int ClassCountOf(int[] labels, string path)
    {
        var max = -1;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0)
                throw new CorruptDatasetException(path, $"label[{i}] = {labels[i]} is negative.");
            max = Math.Max(max, labels[i]);
        }
        return Math.Max(max + 1, 1);
    }
}
