using MaxK.Formats;

namespace MaxK.Reference;

/// <summary>MaxK backward (design §1): scatter the N × k gradient of the kept values back to N × D.</summary>
public static class MaxKBackwardScatterReference
{
    /// <summary>
    /// dH[r, idx(r,s)] = gradValues[r·k + s], zero elsewhere. Input N × k float32 (CBSR layout of
    /// <paramref name="pattern"/>), output N × D float32 row-major. Parallel over rows; O(N·D) (the zero fill).
    /// </summary>
    /// <exception cref="OperandShapeMismatchException">gradValues.Length ≠ N × k.</exception>
    public static float[] Compute(Cbsr pattern, ReadOnlySpan<float> gradValues)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var (n, k, dim) = (pattern.Rows, pattern.K, pattern.Dim);
        if (gradValues.Length != pattern.Values.Length)
            throw new OperandShapeMismatchException($"Gradient must hold N × k = {n} × {k} = {pattern.Values.Length} floats, got {gradValues.Length}.");
        var grad = gradValues.ToArray();
        var dense = new float[checked(n * dim)];
        Graphs.RowBlocks.ForEachChunk(n, 1 << 12, (first, end) =>
        {
            for (var r = first; r < end; r++)
            {
                for (var s = 0; s < k; s++)
                    dense[(r * dim) + pattern.IndexAt((r * k) + s)] += grad[(r * k) + s];
            }
        });
        return dense;
    }
}
