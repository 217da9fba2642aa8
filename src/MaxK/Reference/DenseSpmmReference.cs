using MaxK.Graphs;

namespace MaxK.Reference;

/// <summary>Dense SpMM on the CPU: the ground truth for cuSPARSE and for the CBSR kernels.</summary>
public static class DenseSpmmReference
{
    /// <summary>
    /// Y = A · X with X N × dim (row-major float32) and Y N × dim: Y[r,:] = Σ_e w(e) · X[col(e),:] over row r's
    /// edges in CSR order (null weights mean 1). Each output row is accumulated in double and rounded to float
    /// once, so the result does not depend on the thread count. Parallel over row blocks; time O(E · dim), extra
    /// memory one dim-long double buffer per block.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">dim &lt; 1.</exception>
    /// <exception cref="OperandShapeMismatchException">x.Length ≠ N × dim.</exception>
    public static unsafe float[] Compute(CsrGraph a, ReadOnlySpan<float> x, int dim)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentOutOfRangeException.ThrowIfLessThan(dim, 1);
        var n = a.NodeCount;
        if (x.Length != (long)n * dim)
            throw new OperandShapeMismatchException($"X must hold N × dim = {n} × {dim} = {(long)n * dim} floats, got {x.Length}.");
        var y = new float[x.Length];
        var rp = a.RowPointers;
        var ci = a.ColumnIndices;
        var w = a.EdgeWeights;
        fixed (float* xPtr = x)
        {
            var xAddress = (nint)xPtr;
            RowBlocks.ForEach(a, (first, end) =>
            {
                var acc = new double[dim];
                var xs = (float*)xAddress;
                for (var r = first; r < end; r++)
                {
                    for (var e = rp[r]; e < rp[r + 1]; e++)
                    {
                        var weight = w is null ? 1.0 : w[e];
                        var xRow = xs + ((long)ci[e] * dim);
                        for (var j = 0; j < dim; j++)
                            acc[j] += weight * xRow[j];
                    }
                    var yRow = y.AsSpan((int)((long)r * dim), dim);
                    for (var j = 0; j < dim; j++)
                    {
                        yRow[j] = (float)acc[j];
                        acc[j] = 0;
                    }
                }
            });
        }
        return y;
    }
}
