using System.Collections.Concurrent;

namespace MaxK.Graphs;

/// <summary>
/// Sorts every row of a CSR column array in place and optionally drops repeated columns, then packs the rows
/// into a new, exactly sized array. Internal helper of the synthetic generators and dataset loaders.
/// </summary>
internal static class CsrRowCompaction
{
    /// <summary>Rows per parallel work item; small enough that a few hub rows do not serialise the pass.</summary>
    private const int RowsPerRange = 512;

    /// <summary>
    /// Sorts each row of <paramref name="columns"/> (in place) and, if <paramref name="deduplicate"/>, removes
    /// repeats. Returns the input arrays when nothing was removed; otherwise new arrays, so the peak memory is
    /// the old column array plus the new one (E + E' ints).
    /// </summary>
    public static (int[] RowPointers, int[] Columns) SortRows(int nodeCount, int[] rowPointers, int[] columns, bool deduplicate,
        ParallelOptions? parallelOptions = null)
    {
        parallelOptions ??= new ParallelOptions();
        var keptPerRow = deduplicate ? new int[nodeCount] : null;
        long removed = 0;
        Parallel.ForEach(Partitioner.Create(0, nodeCount, RowsPerRange), parallelOptions, range =>
        {
            long removedHere = 0;
            for (var r = range.Item1; r < range.Item2; r++)
            {
                var row = columns.AsSpan(rowPointers[r], rowPointers[r + 1] - rowPointers[r]);
                row.Sort();
                if (keptPerRow is null)
                    continue;
                var kept = CompactSortedUnique(row);
                keptPerRow[r] = kept;
                removedHere += row.Length - kept;
            }
            Interlocked.Add(ref removed, removedHere);
        });
        if (keptPerRow is null || removed == 0)
            return (rowPointers, columns);

        var newPointers = new int[nodeCount + 1];
        for (var r = 0; r < nodeCount; r++)
            newPointers[r + 1] = newPointers[r] + keptPerRow[r];
        var newColumns = new int[newPointers[nodeCount]];
        Parallel.ForEach(Partitioner.Create(0, nodeCount, RowsPerRange), parallelOptions, range =>
        {
            for (var r = range.Item1; r < range.Item2; r++)
                columns.AsSpan(rowPointers[r], keptPerRow[r]).CopyTo(newColumns.AsSpan(newPointers[r]));
        });
        return (newPointers, newColumns);
    }

    /// <summary>Moves the distinct values of a sorted span to its front; returns how many there are.</summary>
    public static int CompactSortedUnique(Span<int> sorted)
    {
        if (sorted.Length == 0)
            return 0;
        var write = 1;
        for (var read = 1; read < sorted.Length; read++)
        {
            if (sorted[read] != sorted[write - 1])
                sorted[write++] = sorted[read];
        }
        return write;
    }
}
