using MaxK.Formats;

namespace MaxK.Selection;

/// <summary>
/// The MaxK nonlinearity as a CBSR builder (design §1): per row keep the k largest entries by signed value.
/// </summary>
public static class MaxKSelector
{
    /// <summary>
    /// Selects, for each row of the dense Rows × Dim matrix (row-major float32), the k largest entries by
    /// signed value. Ties are broken deterministically: value descending, then lower column first (the authors'
    /// CUDA rule). Slot 0 holds the largest value, slot k−1 the k-th; indices within a row are distinct.
    /// −0 and +0 compare equal; ±∞ are ordinary values; NaN throws <see cref="NaNInputException"/> naming the
    /// lowest bad row. Parallel over rows; time O(Rows · Dim · log k), extra memory O(k) per thread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">rows &lt; 0, or dim outside [1, 65,536].</exception>
    /// <exception cref="CbsrKOutOfRangeException">k outside [1, dim].</exception>
    /// <exception cref="OperandShapeMismatchException">dense.Length ≠ rows × dim.</exception>
    public static unsafe Cbsr Select(ReadOnlySpan<float> dense, int rows, int dim, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var width = Cbsr.IndexWidthFor(dim);
        if (k < 1 || k > dim)
            throw new CbsrKOutOfRangeException(k, dim);
        if (dense.Length != (long)rows * dim)
            throw new OperandShapeMismatchException($"Dense input must hold rows × dim = {rows} × {dim} = {(long)rows * dim} floats, got {dense.Length}.");

        var values = new float[(long)rows * k];
        var indexBytes = new byte[(long)rows * k * (int)width];
        var nanRow = int.MaxValue;
        var nanColumn = -1;
        var nanLock = new Lock();
        var stride = k * (int)width;
        fixed (float* basePtr = dense)
        {
            var address = (nint)basePtr;
            Graphs.RowBlocks.ForEachChunk(rows, 1 << 10, (first, end) =>
            {
                var heap = new TopKHeap(k);
                for (var r = first; r < end; r++)
                {
                    var bad = heap.Select(new ReadOnlySpan<float>((float*)address + ((long)r * dim), dim));
                    if (bad >= 0)
                    {
                        lock (nanLock)
                        {
                            if (r < nanRow)
                                (nanRow, nanColumn) = (r, bad);
                        }
                        return;
                    }
                    heap.WriteRanked(values.AsSpan(r * k, k), indexBytes.AsSpan(r * stride, stride), width);
                }
            });
        }
        if (nanRow != int.MaxValue)
            throw new NaNInputException(nanRow, nanColumn);
        return new Cbsr(rows, dim, k, values, indexBytes);
    }
}
