namespace MaxK.Graphs;

/// <summary>
/// Per-block column counts: hist[b][c] = number of edges in row block b whose column is c. Memory is
/// B × N int32, so the block count is capped by <see cref="MaxHistogramEntries"/> (B = 1 for huge N).
/// </summary>
internal static class ColumnHistogram
{
    /// <summary>At most 2^25 int32 counters (128 MiB) across all block histograms.</summary>
    public const long MaxHistogramEntries = 1L << 25;

    /// <summary>Row-block boundaries sized so that one histogram per block fits the memory cap.</summary>
    public static int[] BlocksFor(CsrGraph graph)
    {
        var byMemory = MaxHistogramEntries / Math.Max(1, graph.NodeCount);
        var maxBlocks = (int)Math.Clamp(byMemory, 1, Environment.ProcessorCount);
        return RowBlocks.Create(graph.RowPointers, graph.NodeCount, maxBlocks);
    }

    /// <summary>One length-N histogram per block of <paramref name="bounds"/>, counted in parallel.</summary>
    public static int[][] PerBlock(CsrGraph graph, int[] bounds)
    {
        var blocks = bounds.Length - 1;
        var hist = new int[blocks][];
        var rp = graph.RowPointers;
        var ci = graph.ColumnIndices;
        Parallel.For(0, blocks, b =>
        {
            var h = new int[graph.NodeCount];
            for (var e = rp[bounds[b]]; e < rp[bounds[b + 1]]; e++)
                h[ci[e]]++;
            hist[b] = h;
        });
        return hist;
    }

    /// <summary>Column totals (in-degrees): Σ_b hist[b][c], summed in parallel over column chunks.</summary>
    public static int[] Total(int[][] hist, int nodeCount)
    {
        var total = new int[nodeCount];
        RowBlocks.ForEachChunk(nodeCount, 1 << 16, (first, end) =>
        {
            foreach (var h in hist)
            {
                for (var c = first; c < end; c++)
                    total[c] += h[c];
            }
        });
        return total;
    }

    /// <summary>In-degree of every node: the number of stored edges whose column is that node.</summary>
    public static int[] InDegrees(CsrGraph graph) =>
        Total(PerBlock(graph, BlocksFor(graph)), graph.NodeCount);
}
