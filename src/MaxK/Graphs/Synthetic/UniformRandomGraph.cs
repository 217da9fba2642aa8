using System.Collections.Concurrent;

namespace MaxK.Graphs.Synthetic;

/// <summary>
/// Uniform random directed graphs with an exact edge count: every row gets ⌊E/N⌋ or ⌈E/N⌉ distinct columns
/// drawn uniformly from [0, N) (self-loops allowed, as in any uniform draw), sorted ascending. The rows that
/// get the extra edge are spread evenly: row r holds rowPointers[r] = r·⌊E/N⌋ + ⌊r·(E mod N)/N⌋ edges
/// before it, so no counting pass is needed. Each row has its own random stream derived from (seed, row),
/// so the graph is identical for any thread count.
/// </summary>
public static class UniformRandomGraph
{
    /// <summary>Rows per parallel work item.</summary>
    private const int RowsPerRange = 1024;

    /// <summary>
    /// Generates the graph. Memory: the E column indices plus N+1 row pointers (4 bytes each); nothing else
    /// proportional to E.
    /// </summary>
    /// <param name="nodes">N ≥ 1.</param>
    /// <param name="edges">E, at most N² (distinct columns per row) and at most <see cref="Array.MaxLength"/>.</param>
    /// <param name="seed">Any value; equal seeds give equal graphs.</param>
    public static CsrGraph Generate(int nodes, long edges, ulong seed) => Generate(nodes, edges, seed, maxThreads: -1);

    /// <summary>As the public overload, on at most <paramref name="maxThreads"/> threads (−1: no limit); for tests.</summary>
    internal static CsrGraph Generate(int nodes, long edges, ulong seed, int maxThreads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(edges);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(edges, (long)nodes * nodes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(edges, Array.MaxLength);

        var baseDegree = edges / nodes;
        var remainder = edges % nodes;
        var rowPointers = new int[nodes + 1];
        for (long r = 0; r <= nodes; r++)
            rowPointers[r] = checked((int)(r * baseDegree + r * remainder / nodes));
        var columns = new int[edges];

        Parallel.ForEach(Partitioner.Create(0, nodes, RowsPerRange), new ParallelOptions { MaxDegreeOfParallelism = maxThreads }, range =>
        {
            for (var r = range.Item1; r < range.Item2; r++)
            {
                var rng = Xoshiro256StarStar.ForStream(seed, (ulong)r);
                FillRow(columns.AsSpan(rowPointers[r], rowPointers[r + 1] - rowPointers[r]), nodes, ref rng);
            }
        });
        return new CsrGraph(nodes, rowPointers, columns);
    }

    /// <summary>Fills <paramref name="row"/> with distinct sorted columns in [0, nodes).</summary>
    private static void FillRow(Span<int> row, int nodes, ref Xoshiro256StarStar rng)
    {
        if (row.Length == 0)
            return;
        if ((long)row.Length * 4 >= nodes)
            SelectionSample(row, nodes, ref rng);
        else
            DrawSortAndRedraw(row, nodes, ref rng);
    }

    /// <summary>
    /// Sparse rows (d &lt; N/4): draw d columns, sort, drop repeats, redraw the missing ones, until d distinct.
    /// The result is the first d distinct values of an i.i.d. uniform sequence, hence a uniform d-subset;
    /// the count never overshoots because each round draws exactly the number still missing.
    /// </summary>
    private static void DrawSortAndRedraw(Span<int> row, int nodes, ref Xoshiro256StarStar rng)
    {
        var distinct = 0;
        while (true)
        {
            for (var i = distinct; i < row.Length; i++)
                row[i] = (int)rng.NextBounded((uint)nodes);
            row.Sort();
            distinct = CsrRowCompaction.CompactSortedUnique(row);
            if (distinct == row.Length)
                return;
        }
    }

    /// <summary>
    /// Dense rows (d ≥ N/4): Knuth's selection sampling (Algorithm S), one bounded draw per candidate column,
    /// output already sorted. O(N) per row, which is at most 4·d.
    /// </summary>
    private static void SelectionSample(Span<int> row, int nodes, ref Xoshiro256StarStar rng)
    {
        var selected = 0;
        for (var column = 0; column < nodes && selected < row.Length; column++)
        {
            var remainingCandidates = (uint)(nodes - column);
            var stillNeeded = (uint)(row.Length - selected);
            if (rng.NextBounded(remainingCandidates) < stillNeeded)
                row[selected++] = column;
        }
    }
}
