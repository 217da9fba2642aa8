namespace MaxK.Graphs;

/// <summary>
/// Splits CSR rows into contiguous blocks of roughly equal cost (rows + edges) for Parallel.For. Every
/// row-parallel routine in this library computes each row independently, so the block layout never changes
/// results, only speed.
/// </summary>
internal static class RowBlocks
{
    /// <summary>Below this many rows + edges per block, splitting further costs more than it saves.</summary>
    private const long MinCostPerBlock = 1 << 14;

    /// <summary>Default cap: a few blocks per core so that a hub row does not stall a whole core's share.</summary>
    public static int DefaultMaxBlocks => Environment.ProcessorCount * 4;

    /// <summary>
    /// Block boundaries b[0] = 0 &lt; b[1] &lt; … &lt; b[B] = N (strictly increasing, B ≥ 1 when N > 0; B = 0 when
    /// N = 0). Block i owns rows [b[i], b[i+1]).
    /// </summary>
    public static int[] Create(int[] rowPointers, int nodeCount, int maxBlocks)
    {
        if (nodeCount == 0)
            return [0];
        var total = (long)rowPointers[nodeCount] + nodeCount;
        var wanted = (int)Math.Clamp((total + MinCostPerBlock - 1) / MinCostPerBlock, 1, Math.Max(1, maxBlocks));
        var bounds = new List<int>(wanted + 1) { 0 };
        for (var b = 1; b < wanted; b++)
        {
            var row = FirstRowWithCostAtLeast(rowPointers, nodeCount, total * b / wanted);
            if (row > bounds[^1] && row < nodeCount)
                bounds.Add(row);
        }
        bounds.Add(nodeCount);
        return [.. bounds];
    }

    /// <summary>Runs body(firstRow, endRow) for every block, in parallel.</summary>
    public static void ForEach(CsrGraph graph, Action<int, int> body) =>
        ForEach(graph.RowPointers, graph.NodeCount, DefaultMaxBlocks, body);

    /// <summary>Runs body(firstRow, endRow) for every block of a custom partition, in parallel.</summary>
    public static void ForEach(int[] rowPointers, int nodeCount, int maxBlocks, Action<int, int> body)
    {
        var bounds = Create(rowPointers, nodeCount, maxBlocks);
        Parallel.For(0, bounds.Length - 1, i => body(bounds[i], bounds[i + 1]));
    }

    /// <summary>Runs body(first, end) over [0, count) in chunks of chunkSize items, in parallel.</summary>
    public static void ForEachChunk(int count, int chunkSize, Action<int, int> body)
    {
        var chunks = (int)(((long)count + chunkSize - 1) / chunkSize);
        Parallel.For(0, chunks, i =>
        {
            var first = i * chunkSize;
            body(first, (int)Math.Min(count, (long)first + chunkSize));
        });
    }

    // cost(r) = rowPointers[r] + r is non-decreasing in r.
    private static int FirstRowWithCostAtLeast(int[] rowPointers, int nodeCount, long target)
    {
        int lo = 0, hi = nodeCount;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if ((long)rowPointers[mid] + mid >= target)
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    }
}
