using MaxK.Graphs;

namespace MaxK.Datasets;

/// <summary>Builds CSR graphs from edge lists (COO) by a stable counting sort on the row.</summary>
public static class EdgeListBuilder
{
    /// <summary>
    /// The N-node graph holding column[e] in row row[e] for each e, and, when <paramref name="bothDirections"/>,
    /// also row[e] in row column[e] (the reverse edge). Within a row, edges keep their input order; duplicates
    /// are kept. Time O(N + E).
    /// </summary>
    /// <param name="source">Named in errors when an id is outside [0, N).</param>
    public static CsrGraph Build(int nodeCount, ReadOnlySpan<int> rows, ReadOnlySpan<int> columns, bool bothDirections, string source)
    {
        if (rows.Length != columns.Length)
            throw new CorruptDatasetException(source, $"row and column lists differ in length ({rows.Length} vs {columns.Length}).");
        var edgeCount = checked((bothDirections ? 2L : 1L) * rows.Length);
        if (edgeCount > int.MaxValue)
            throw new CorruptDatasetException(source, $"{edgeCount} edges exceed the int32 CSR limit.");
        var pointers = new int[nodeCount + 1];
        for (var e = 0; e < rows.Length; e++)
        {
            var r = rows[e];
            var c = columns[e];
            if ((uint)r >= (uint)nodeCount || (uint)c >= (uint)nodeCount)
                throw new CorruptDatasetException(source, $"edge {e} ({r}, {c}) has a node id outside [0, {nodeCount}).");
            pointers[r + 1]++;
            if (bothDirections)
                pointers[c + 1]++;
        }
        for (var r = 0; r < nodeCount; r++)
            pointers[r + 1] += pointers[r];
        var next = pointers.AsSpan(0, nodeCount).ToArray();
        var indices = GC.AllocateUninitializedArray<int>((int)edgeCount);
        for (var e = 0; e < rows.Length; e++)
        {
            indices[next[rows[e]]++] = columns[e];
            if (bothDirections)
                indices[next[columns[e]]++] = rows[e];
        }
        return new CsrGraph(nodeCount, pointers, indices);
    }
}
