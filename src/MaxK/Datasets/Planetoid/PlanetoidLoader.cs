using System.Collections;
using System.Globalization;
using MaxK.Datasets.Planetoid.Pickles;

namespace MaxK.Datasets.Planetoid;

/// <summary>
/// Loads the eight <c>ind.&lt;name&gt;.*</c> files of a Planetoid dataset (Yang et al. 2016 splits, as
/// distributed with the GCN code and downloaded by PyG). Node order follows the common loaders: rows
/// 0 .. len(allx)−1 are allx; test id <c>test.index[i]</c> gets row i of tx/ty. Test ids must start right
/// after allx and may leave gaps (CiteSeer): the graph then has len(allx) + max−min+1 nodes and the gap
/// nodes get zero features and label 0, like PyG's padded tx_ext/ty_ext.
/// </summary>
public static class PlanetoidLoader
{
    /// <summary>Validation nodes in the standard split.</summary>
    public const int DefaultValidationNodeCount = 500;

    /// <summary>The suffixes of the eight files, <c>ind.&lt;name&gt;.&lt;suffix&gt;</c>.</summary>
    public static IReadOnlyList<string> FileSuffixes { get; } = ["x", "y", "tx", "ty", "allx", "ally", "graph", "test.index"];

    /// <summary>The file names a dataset needs, e.g. ind.cora.x … ind.cora.test.index.</summary>
    public static IReadOnlyList<string> ExpectedFiles(string name) =>
        [.. FileSuffixes.Select(suffix => $"ind.{name.ToLowerInvariant()}.{suffix}")];

    /// <summary>Loads dataset <paramref name="name"/> (case-insensitive, e.g. "cora") from <paramref name="directory"/>.</summary>
    /// <param name="validationNodeCount">Nodes after the training ones used for validation; they must all be
    /// allx rows (not test nodes).</param>
    /// <exception cref="DatasetNotFoundException">The folder or any of the eight files is missing.</exception>
    /// <exception cref="CorruptDatasetException">A file cannot be decoded or disagrees with the others.</exception>
    public static PlanetoidDataset Load(string directory, string name, int validationNodeCount = DefaultValidationNodeCount)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(validationNodeCount);
        var lower = name.ToLowerInvariant();
        var expected = ExpectedFiles(lower);
        var missing = expected.Where(file => !File.Exists(Path.Combine(directory, file))).ToList();
        if (missing.Count > 0)
            throw new DatasetNotFoundException(directory, expected, missing);
        string PathOf(string suffix) => Path.Combine(directory, $"ind.{lower}.{suffix}");

        var x = PlanetoidMatrix.Load(PathOf("x"));
        var y = PlanetoidMatrix.Load(PathOf("y"));
        var tx = PlanetoidMatrix.Load(PathOf("tx"));
        var ty = PlanetoidMatrix.Load(PathOf("ty"));
        var allx = PlanetoidMatrix.Load(PathOf("allx"));
        var ally = PlanetoidMatrix.Load(PathOf("ally"));
        var testIds = ReadTestIndex(PathOf("test.index"));
        CheckShapes(x, y, tx, ty, allx, ally, testIds.Length, PathOf("test.index"));

        var labelled = allx.Rows;
        var minTest = testIds.Min();
        if (minTest != labelled)
            throw new CorruptDatasetException(PathOf("test.index"),
                $"test ids must start right after the {labelled} allx rows, but the smallest is {minTest}.");
        // The test ids span max − min + 1 nodes; ids missing from the list become zero-feature padding (CiteSeer: 15 of
        // 1,015). A span with more padding than test nodes is a corrupt index, not a dataset (one bad line of 99,999 would
        // otherwise make Cora 100,000 nodes; one of 2,147,483,647 would overflow).
        var span = (long)testIds.Max() - minTest + 1;
        if (span - testIds.Length > testIds.Length)
            throw new CorruptDatasetException(PathOf("test.index"),
                $"the {testIds.Length} test ids span {span:N0} node ids ({minTest} to {testIds.Max()}): more gaps than test nodes; a line is corrupt.");
        var nodeCount = checked((int)(labelled + span));
        if ((long)y.Rows + validationNodeCount > labelled)
            throw new ArgumentOutOfRangeException(nameof(validationNodeCount), validationNodeCount,
                $"{y.Rows} training plus {validationNodeCount} validation nodes exceed the {labelled} labelled (allx) nodes.");

        var featureCount = allx.Columns;
        var features = new float[(long)nodeCount * featureCount];
        var labels = new int[nodeCount];
        for (var r = 0; r < labelled; r++)
        {
            allx.CopyRow(r, features.AsSpan(r * featureCount, featureCount));
            labels[r] = ally.ArgMax(r);
        }
        for (var i = 0; i < testIds.Length; i++)
        {
            tx.CopyRow(i, features.AsSpan(testIds[i] * featureCount, featureCount));
            labels[testIds[i]] = ty.ArgMax(i);
        }

        var graphPath = PathOf("graph");
        var adjacency = PlanetoidPickle.Load(graphPath) as IDictionary
            ?? throw new CorruptDatasetException(graphPath, "expected a dict of adjacency lists.");
        if (adjacency.Count == 0)
            throw new CorruptDatasetException(graphPath, "the adjacency dict is empty: no edges (a truncated or replaced file).");
        var graph = PlanetoidGraphBuilder.Build(adjacency, nodeCount, graphPath);
        if (graph.EdgeCount == 0)
            throw new CorruptDatasetException(graphPath, "the adjacency lists hold no edge between two different nodes.");

        int[] sortedTest = [.. testIds.Order()];
        return new PlanetoidDataset(lower, graph, features, featureCount, labels, ally.Columns,
            [.. Enumerable.Range(0, y.Rows)], [.. Enumerable.Range(y.Rows, validationNodeCount)], sortedTest);
    }

    private static void CheckShapes(PlanetoidMatrix x, PlanetoidMatrix y, PlanetoidMatrix tx, PlanetoidMatrix ty,
        PlanetoidMatrix allx, PlanetoidMatrix ally, int testCount, string testIndexPath)
    {
        static void Require(bool condition, PlanetoidMatrix file, string problem)
        {
            if (!condition)
                throw new CorruptDatasetException(file.Path, problem);
        }
        Require(y.Rows == x.Rows, y, $"{y.Rows} label rows but x has {x.Rows}.");
        Require(ally.Rows == allx.Rows, ally, $"{ally.Rows} label rows but allx has {allx.Rows}.");
        Require(ty.Rows == tx.Rows, ty, $"{ty.Rows} label rows but tx has {tx.Rows}.");
        Require(x.Columns == allx.Columns, x, $"{x.Columns} features but allx has {allx.Columns}.");
        Require(tx.Columns == allx.Columns, tx, $"{tx.Columns} features but allx has {allx.Columns}.");
        Require(y.Columns == ally.Columns, y, $"{y.Columns} classes but ally has {ally.Columns}.");
        Require(ty.Columns == ally.Columns, ty, $"{ty.Columns} classes but ally has {ally.Columns}.");
        Require(ally.Columns >= 1, ally, "label rows have no columns.");
        Require(x.Rows <= allx.Rows, x, $"{x.Rows} training rows but allx has only {allx.Rows}.");
        if (testCount != tx.Rows)
            throw new CorruptDatasetException(testIndexPath, $"{testCount} test ids but tx has {tx.Rows} rows.");
    }

    private static int[] ReadTestIndex(string path)
    {
        var ids = new List<int>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0)
                continue;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) || id < 0)
                throw new CorruptDatasetException(path, $"line {lineNumber} is not a node id: '{text}'.");
            ids.Add(id);
        }
        if (ids.Count == 0)
            throw new CorruptDatasetException(path, "no test ids.");
        if (ids.Distinct().Count() != ids.Count)
            throw new CorruptDatasetException(path, "test ids repeat.");
        return [.. ids];
    }
}
