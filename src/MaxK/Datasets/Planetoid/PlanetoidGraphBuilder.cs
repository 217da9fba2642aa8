using System.Collections;
using System.Globalization;
using MaxK.Graphs;

namespace MaxK.Datasets.Planetoid;

/// <summary>
/// Turns the Planetoid adjacency dict (node id → list of neighbour ids) into a symmetric CSR graph without
/// self-loops or repeated edges, with sorted columns — PyG's edge_index_from_dict followed by making the graph
/// undirected (Cora: 10,556 directed edges).
/// </summary>
internal static class PlanetoidGraphBuilder
{
    public static CsrGraph Build(IDictionary adjacency, int nodeCount, string path)
    {
        var pairs = new List<(int Source, int Target)>();
        foreach (DictionaryEntry entry in adjacency)
        {
            var source = ToNodeId(entry.Key, nodeCount, path);
            if (entry.Value is not IEnumerable neighbours || entry.Value is string)
                throw new CorruptDatasetException(path, $"the neighbours of node {source} are not a list.");
            foreach (var neighbour in neighbours)
            {
                var target = ToNodeId(neighbour, nodeCount, path);
                if (target != source)
                    pairs.Add((source, target));
            }
        }

        var rowPointers = new int[nodeCount + 1];
        foreach (var (source, target) in pairs)
        {
            rowPointers[source + 1]++;
            rowPointers[target + 1]++;
        }
        for (var r = 0; r < nodeCount; r++)
            rowPointers[r + 1] += rowPointers[r];
        var cursors = rowPointers.AsSpan(0, nodeCount).ToArray();
        var columns = new int[rowPointers[nodeCount]];
        foreach (var (source, target) in pairs)
        {
            columns[cursors[source]++] = target;
            columns[cursors[target]++] = source;
        }
        var (finalPointers, finalColumns) = CsrRowCompaction.SortRows(nodeCount, rowPointers, columns, deduplicate: true);
        return new CsrGraph(nodeCount, finalPointers, finalColumns);
    }

    private static int ToNodeId(object? value, int nodeCount, string path)
    {
        long id = value switch
        {
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            System.Numerics.BigInteger big when big >= long.MinValue && big <= long.MaxValue => (long)big,
            _ => throw new CorruptDatasetException(path,
                $"node id '{Convert.ToString(value, CultureInfo.InvariantCulture)}' is not an integer."),
        };
        if (id < 0 || id >= nodeCount)
            throw new CorruptDatasetException(path, $"node id {id} is outside [0, {nodeCount}).");
        return (int)id;
    }
}
