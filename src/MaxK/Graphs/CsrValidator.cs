namespace MaxK.Graphs;

/// <summary>The checks behind <see cref="CsrGraph"/>'s constructor, one exception type per defect.</summary>
public static class CsrValidator
{
    public static void Validate(int nodeCount, int[] rowPointers, int[] columnIndices, float[]? edgeWeights)
    {
        if (nodeCount < 0)
            throw new CsrSizeMismatchException($"Node count must be non-negative, got {nodeCount}.");
        if (rowPointers.Length != (long)nodeCount + 1)
            throw new CsrSizeMismatchException($"CSR row pointers must have N+1 = {(long)nodeCount + 1} entries, got {rowPointers.Length}.");
        if (rowPointers[0] != 0)
            throw new CsrSizeMismatchException($"CSR row pointers must start at 0, got {rowPointers[0]}.");
        for (var r = 0; r < nodeCount; r++)
        {
            if (rowPointers[r + 1] < rowPointers[r])
                throw new RowPointersNotMonotoneException(r, rowPointers[r], rowPointers[r + 1]);
        }
        if (rowPointers[nodeCount] != columnIndices.Length)
            throw new CsrSizeMismatchException(
                $"CSR row pointers end at {rowPointers[nodeCount]} but there are {columnIndices.Length} column indices.");
        if (edgeWeights is not null && edgeWeights.Length != columnIndices.Length)
            throw new CsrSizeMismatchException(
                $"CSR has {columnIndices.Length} column indices but {edgeWeights.Length} edge weights.");
        ValidateColumns(nodeCount, columnIndices);
        if (edgeWeights is not null)
        {
            for (var e = 0; e < edgeWeights.Length; e++)
            {
                if (!float.IsFinite(edgeWeights[e]))
                    throw new NonFiniteEdgeWeightException(e, edgeWeights[e]);
            }
        }
    }

    private static void ValidateColumns(int nodeCount, int[] columnIndices)
    {
        // Unsigned compare catches negatives too; parallel because Reddit-sized graphs have 10^8 edges.
        var bad = -1L;
        Parallel.For(0, (columnIndices.Length + (1 << 20) - 1) >> 20, (chunk, state) =>
        {
            var start = chunk << 20;
            var end = Math.Min(columnIndices.Length, start + (1 << 20));
            for (var e = start; e < end; e++)
            {
                if ((uint)columnIndices[e] >= (uint)nodeCount)
                {
                    Interlocked.CompareExchange(ref bad, e, -1L);
                    state.Stop();
                    return;
                }
            }
        });
        if (bad >= 0)
            throw new ColumnIndexOutOfRangeException(bad, columnIndices[bad], nodeCount);
    }
}
