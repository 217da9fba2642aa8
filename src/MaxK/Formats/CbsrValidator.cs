namespace MaxK.Formats;

/// <summary>
/// The checks behind <see cref="Cbsr"/>'s constructor. Rows are scanned in parallel; when several rows are
/// bad, the lowest one is re-checked serially so the reported defect does not depend on thread timing.
/// </summary>
internal static class CbsrValidator
{
    public static void Validate(Cbsr m)
    {
        if (m.Rows < 0)
            throw new CbsrShapeMismatchException($"CBSR row count must be non-negative, got {m.Rows}.");
        if (m.K < 1 || m.K > m.Dim)
            throw new CbsrKOutOfRangeException(m.K, m.Dim);
        var entries = (long)m.Rows * m.K;
        if (m.Values.Length != entries)
        {
            throw new CbsrShapeMismatchException(
                $"CBSR values must hold Rows × k = {m.Rows} × {m.K} = {entries} floats, got {m.Values.Length}.");
        }
        var width = (int)m.IndexWidth;
        if (m.IndexBytes.Length != entries * width)
        {
            throw new CbsrShapeMismatchException(
                $"CBSR index bytes must hold Rows × k × {width} = {entries * width} bytes for D = {m.Dim}, got {m.IndexBytes.Length}.");
        }

        var firstBad = long.MaxValue;
        Graphs.RowBlocks.ForEachChunk(m.Rows, 1 << 12, (first, end) =>
        {
            var seenAt = new int[m.Dim]; // slot where the column was seen; valid when stamp[c] == row + 1
            var stamp = new int[m.Dim];
            for (var r = first; r < end; r++)
            {
                if (CheckRow(m, r, seenAt, stamp, throwOnError: false))
                    continue;
                InterlockedMin(ref firstBad, r);
                return;
            }
        });
        if (firstBad != long.MaxValue)
            CheckRow(m, (int)firstBad, new int[m.Dim], new int[m.Dim], throwOnError: true);
    }

    // Returns false (or throws) on the row's first out-of-range or repeated index.
    private static bool CheckRow(Cbsr m, int row, int[] seenAt, int[] stamp, bool throwOnError)
    {
        for (var s = 0; s < m.K; s++)
        {
            var c = m.IndexAt((row * m.K) + s);
            if (c >= m.Dim)
                return throwOnError ? throw new CbsrIndexOutOfRangeException(row, s, c, m.Dim) : false;
            if (stamp[c] == row + 1)
                return throwOnError ? throw new CbsrDuplicateIndexException(row, seenAt[c], s, c) : false;
            stamp[c] = row + 1;
            seenAt[c] = s;
        }
        return true;
    }

    private static void InterlockedMin(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
                return;
            current = seen;
        }
    }
}
