using System.Text;
using MaxK.Datasets;
using MaxK.Datasets.GraphSaint;
using MaxK.Datasets.Ogb;
using MaxK.Datasets.Reddit;
using static MaxK.Tests.Datasets.DatasetFixtureWriter;

namespace MaxK.Tests.Datasets;

/// <summary>DGL Reddit and GraphSAINT loaders on hand-made fixtures.</summary>
public sealed class LoaderFixtureTests
{
    /// <summary>
    /// Writes a 5-node Reddit fixture. Adjacency entries A[u, v] (u → v): 0→2, 0→1, 1→0, 1→3, 2→0, 2→2, 3→1, 3→4, 4→3, 4→0.
    /// </summary>
    internal static void WriteReddit(string directory, int[]? nodeTypes = null, int graphNodes = 5)
    {
        Directory.CreateDirectory(directory);
        Npz(Path.Combine(directory, RedditLoader.DataFile), new Dictionary<string, byte[]>
        {
            ["feature"] = Npy(Enumerable.Range(0, 15).Select(i => (float)(i / 3 * 10 + i % 3)).ToArray(), 5, 3),
            ["label"] = Npy(new long[] { 0, 2, 1, 2, 0 }, 5),
            ["node_types"] = Npy(nodeTypes ?? [1, 2, 3, 1, 3], 5),
        }, compressed: true);
        if (graphNodes == 5)
            ScipyCsr(Path.Combine(directory, RedditLoader.GraphFile), 5, [0, 2, 4, 6, 8, 10], [2, 1, 0, 3, 0, 2, 1, 4, 3, 0]);
        else
            ScipyCsr(Path.Combine(directory, RedditLoader.GraphFile), graphNodes, [.. new int[graphNodes + 1]], []);
    }

    [Fact]
    public void Reddit_loads_graph_features_labels_and_split()
    {
        using var scratch = new ScratchFolder();
        WriteReddit(scratch.Path);
        var d = RedditLoader.Load(scratch.Path);
        Assert.Equal("reddit", d.Name);
        // Row v lists the sources u of u → v, sorted, self-loop 2→2 kept as stored.
        Assert.Equal([(0, 1), (0, 2), (0, 4), (1, 0), (1, 3), (2, 0), (2, 2), (3, 1), (3, 4), (4, 3)], Edges(d.Graph));
        Assert.Equal(3, d.FeatureCount);
        Assert.Equal([0f, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32, 40, 41, 42], d.Features);
        Assert.Equal([0, 2, 1, 2, 0], d.Labels!);
        Assert.Null(d.MultiLabels);
        Assert.False(d.IsMultiLabel);
        Assert.Equal(3, d.ClassCount);
        Assert.Equal([0, 3], d.TrainIndices);
        Assert.Equal([1], d.ValIndices);
        Assert.Equal([2, 4], d.TestIndices);
        Assert.Equal(DatasetMetric.Accuracy, d.Metric);

        var looped = RedditLoader.Load(scratch.Path, addSelfLoops: true);
        Assert.Equal([(0, 0), (0, 1), (0, 2), (0, 4), (1, 0), (1, 1), (1, 3), (2, 0), (2, 2), (3, 1), (3, 3), (3, 4), (4, 3), (4, 4)], Edges(looped.Graph));
        Assert.Equal(Edges(looped.Graph), Edges(d.WithSelfLoops().Graph));
    }

    [Fact]
    public void Reddit_files_in_a_subfolder_are_found_and_errors_name_the_file()
    {
        using var scratch = new ScratchFolder();
        WriteReddit(Path.Combine(scratch.Path, "reddit"));
        Assert.Equal(5, RedditLoader.Load(scratch.Path).NodeCount);

        using var badTypes = new ScratchFolder();
        WriteReddit(badTypes.Path, nodeTypes: [1, 2, 4, 1, 3]);
        var ex = Assert.Throws<CorruptDatasetException>(() => RedditLoader.Load(badTypes.Path));
        Assert.Equal(Path.Combine(badTypes.Path, RedditLoader.DataFile), ex.Path);
        Assert.Contains("node_types[2] = 4", ex.Message);

        using var mismatch = new ScratchFolder();
        WriteReddit(mismatch.Path, graphNodes: 4);
        var mismatchEx = Assert.Throws<CorruptDatasetException>(() => RedditLoader.Load(mismatch.Path));
        Assert.Equal(Path.Combine(mismatch.Path, RedditLoader.GraphFile), mismatchEx.Path);

        using var missing = new ScratchFolder();
        WriteReddit(missing.Path);
        File.Delete(Path.Combine(missing.Path, RedditLoader.GraphFile));
        var notFound = Assert.Throws<DatasetNotFoundException>(() => RedditLoader.Load(missing.Path));
        Assert.Equal([RedditLoader.GraphFile], notFound.MissingFiles);
        Assert.Contains(RedditLoader.GraphFile, notFound.Message);
    }

    internal static void WriteGraphSaint(string directory, string classMap, string role = """{"tr": [0, 1], "va": [2], "te": [3]}""")
    {
        Directory.CreateDirectory(directory);
        // Symmetric path 0-1-2-3, stored as scipy CSR.
        ScipyCsr(Path.Combine(directory, GraphSaintLoader.AdjacencyFile), 4, [0, 1, 3, 5, 6], [1, 0, 2, 1, 3, 2]);
        File.WriteAllBytes(Path.Combine(directory, GraphSaintLoader.FeaturesFile), Npy(new[] { 0.5, 1, 2, 3, 4, 5, 6, 7.25 }, 4, 2));
        File.WriteAllText(Path.Combine(directory, GraphSaintLoader.ClassMapFile), classMap, Encoding.UTF8);
        File.WriteAllText(Path.Combine(directory, GraphSaintLoader.RoleFile), role, Encoding.UTF8);
    }

    [Fact]
    public void GraphSaint_multi_class_flickr_layout()
    {
        using var scratch = new ScratchFolder();
        WriteGraphSaint(Path.Combine(scratch.Path, "flickr"), """{"3": 1, "0": 0, "1": 2, "2": 1}""");
        var d = GraphSaintLoader.Load(scratch.Path, "flickr");
        Assert.Equal([(0, 1), (1, 0), (1, 2), (2, 1), (2, 3), (3, 2)], Edges(d.Graph));
        Assert.Equal([0.5f, 1, 2, 3, 4, 5, 6, 7.25f], d.Features);
        Assert.Equal(2, d.FeatureCount);
        Assert.Equal([0, 2, 1, 1], d.Labels!);
        Assert.Equal(3, d.ClassCount);
        Assert.Equal([0, 1], d.TrainIndices);
        Assert.Equal([2], d.ValIndices);
        Assert.Equal([3], d.TestIndices);
        Assert.Equal(DatasetMetric.Accuracy, d.Metric);
        Assert.Equal(10, GraphSaintLoader.Load(scratch.Path, "flickr", addSelfLoops: true).Graph.EdgeCount);
    }

    [Fact]
    public void GraphSaint_multi_label_yelp_layout()
    {
        using var scratch = new ScratchFolder();
        WriteGraphSaint(scratch.Path, """{"0": [1, 0, 1], "1": [0, 0, 0], "2": [0, 1, 0], "3": [1, 1, 1]}""",
            """{"tr": [3, 0], "va": [], "te": [1, 2]}""");
        var d = GraphSaintLoader.Load(scratch.Path, "yelp");
        Assert.True(d.IsMultiLabel);
        Assert.Null(d.Labels);
        Assert.Equal(3, d.ClassCount);
        Assert.Equal([1f, 0, 1, 0, 0, 0, 0, 1, 0, 1, 1, 1], d.MultiLabels!);
        Assert.Equal([3, 0], d.TrainIndices);
        Assert.Empty(d.ValIndices);
        Assert.Equal([1, 2], d.TestIndices);
        Assert.Equal(DatasetMetric.MicroF1, d.Metric);
    }

    [Theory]
    [InlineData("""{"0": 0, "1": 2, "2": 1}""", """{"tr": [0], "va": [1], "te": [2]}""", "class_map.json", "node 3 has no class")]
    [InlineData("""{"0": 0, "1": [1], "2": 1, "3": 0}""", """{"tr": [0], "va": [1], "te": [2]}""", "class_map.json", "mixes")]
    [InlineData("""{"0": [1, 0], "1": [1], "2": [0, 0], "3": [0, 1]}""", """{"tr": [0], "va": [1], "te": [2]}""", "class_map.json", "has 1 entries")]
    [InlineData("""{"0": 0, "1": 2, "2": 1, "9": 1}""", """{"tr": [0], "va": [1], "te": [2]}""", "class_map.json", "key '9'")]
    [InlineData("""{"0": 0, "1": 2, "2": 1, "3": 1""", """{"tr": [0], "va": [1], "te": [2]}""", "class_map.json", "invalid JSON")]
    [InlineData("""{"0": 0, "1": 2, "2": 1, "3": 1}""", """{"tr": [0], "va": [1]}""", "role.json", "missing list 'te'")]
    [InlineData("""{"0": 0, "1": 2, "2": 1, "3": 1}""", """{"tr": [0], "va": [1], "te": [4]}""", "role.json", "'te'[0]")]
    public void GraphSaint_corrupt_json_names_the_file(string classMap, string role, string file, string message)
    {
        using var scratch = new ScratchFolder();
        WriteGraphSaint(scratch.Path, classMap, role);
        var ex = Assert.Throws<CorruptDatasetException>(() => GraphSaintLoader.Load(scratch.Path, "x"));
        Assert.Equal(Path.Combine(scratch.Path, file), ex.Path);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void GraphSaint_shape_mismatch_and_missing_files()
    {
        using var scratch = new ScratchFolder();
        WriteGraphSaint(scratch.Path, """{"0": 0, "1": 2, "2": 1, "3": 1}""");
        File.WriteAllBytes(Path.Combine(scratch.Path, GraphSaintLoader.FeaturesFile), Npy(new[] { 1f, 2f, 3f }, 3, 1));
        var ex = Assert.Throws<CorruptDatasetException>(() => GraphSaintLoader.Load(scratch.Path, "x"));
        Assert.Equal(Path.Combine(scratch.Path, GraphSaintLoader.AdjacencyFile), ex.Path);
        Assert.Contains("4 nodes", ex.Message);

        File.WriteAllBytes(Path.Combine(scratch.Path, GraphSaintLoader.FeaturesFile), Npy(new[] { 1f, 2f, 3f, 4f }, 4));
        Assert.Contains("2-D", Assert.Throws<CorruptDatasetException>(() => GraphSaintLoader.Load(scratch.Path, "x")).Message);

        File.Delete(Path.Combine(scratch.Path, GraphSaintLoader.RoleFile));
        var notFound = Assert.Throws<DatasetNotFoundException>(() => GraphSaintLoader.Load(scratch.Path, "x"));
        Assert.Equal([GraphSaintLoader.RoleFile], notFound.MissingFiles);
    }
}
