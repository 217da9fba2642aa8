using MaxK.Formats;
using MaxK.Graphs;

namespace MaxK.Harness.Verification;

/// <summary>
/// The CPU reference kernels restricted to some output rows, for graphs too large to check in full in the benchmark's
/// time budget. Each sampled row is computed exactly as the full references do it (edges in CSR order, accumulated in
/// double, rounded to float once), so on a full sample the results equal <see cref="Reference.DenseSpmmReference"/>,
/// <see cref="Reference.SpgemmForwardReference"/> and <see cref="Reference.SspmmBackwardReference"/>. Parallel over
/// the sampled rows; the backward also scans all E edges once to find the sampled rows' in-edges.
/// </summary>
public static class SampledReferences
{
    /// <summary>Rows <paramref name="rows"/> of Y = A·X (X N × dim, row-major): |rows| × dim floats.</summary>
    public static float[] DenseSpmmRows(CsrGraph a, float[] x, int dim, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(rows);
        if (x.LongLength != (long)a.NodeCount * dim)
            throw new OperandShapeMismatchException($"X must hold N × dim = {a.NodeCount} × {dim} floats, has {x.LongLength}.");
        var y = new float[(long)rows.Count * dim];
        Parallel.For(0, rows.Count, () => new double[dim], (i, _, acc) =>
        {
            Array.Clear(acc);
            var r = rows[i];
            for (var e = a.RowPointers[r]; e < a.RowPointers[r + 1]; e++)
            {
                var w = (double)a.Weight(e);
                var src = (long)a.ColumnIndices[e] * dim;
                for (var d = 0; d < dim; d++)
                    acc[d] += w * x[src + d];
            }
            for (var d = 0; d < dim; d++)
                y[((long)i * dim) + d] = (float)acc[d];
            return acc;
        }, _ => { });
        return y;
    }

    /// <summary>Rows <paramref name="rows"/> of Y = A · scatter(X) with X in CBSR form: |rows| × D floats.</summary>
    public static float[] SpgemmForwardRows(CsrGraph a, Cbsr x, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(rows);
        if (x.Rows != a.NodeCount)
            throw new OperandShapeMismatchException($"The CBSR matrix must have N = {a.NodeCount} rows, has {x.Rows}.");
        var dim = x.Dim;
        var k = x.K;
        var y = new float[(long)rows.Count * dim];
        Parallel.For(0, rows.Count, () => new double[dim], (i, _, acc) =>
        {
            Array.Clear(acc);
            var r = rows[i];
            for (var e = a.RowPointers[r]; e < a.RowPointers[r + 1]; e++)
            {
                var w = (double)a.Weight(e);
                var c = a.ColumnIndices[e];
                for (var s = 0; s < k; s++)
                    acc[x.GetIndex(c, s)] += w * x.Values[((long)c * k) + s];
            }
            for (var d = 0; d < dim; d++)
                y[((long)i * dim) + d] = (float)acc[d];
            return acc;
        }, _ => { });
        return y;
    }

    /// <summary>
    /// Rows <paramref name="rows"/> (destination rows c) of (Aᵀ·G) sampled at the CBSR pattern:
    /// out[c, s] = Σ over edges e = (r → c), in CSR order, of w(e)·G[r, idx(c, s)]; |rows| × k floats.
    /// </summary>
    public static float[] SspmmBackwardRows(CsrGraph a, float[] gradOut, Cbsr pattern, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(gradOut);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(rows);
        var n = a.NodeCount;
        var dim = pattern.Dim;
        var k = pattern.K;
        if (pattern.Rows != n || gradOut.LongLength != (long)n * dim)
            throw new OperandShapeMismatchException($"Need an N = {n}-row pattern and an N × D = {n} × {dim} gradient.");
        var slotOf = new int[n];
        Array.Fill(slotOf, -1);
        for (var i = 0; i < rows.Count; i++)
            slotOf[rows[i]] = i;

        // In-edges of the sampled rows, in CSR order: scan row blocks in parallel, concatenate in block order.
        var blocks = Math.Max(1, Math.Min(n, Environment.ProcessorCount * 4));
        var found = new List<(int Slot, int Source, float Weight)>[blocks];
        Parallel.For(0, blocks, b =>
        {
            var list = new List<(int, int, float)>();
            var first = (int)((long)n * b / blocks);
            var end = (int)((long)n * (b + 1) / blocks);
            for (var r = first; r < end; r++)
            {
                for (var e = a.RowPointers[r]; e < a.RowPointers[r + 1]; e++)
                {
                    var slot = slotOf[a.ColumnIndices[e]];
                    if (slot >= 0)
                        list.Add((slot, r, a.Weight(e)));
                }
            }
            found[b] = list;
        });
        var inEdges = new List<(int Source, float Weight)>[rows.Count];
        for (var i = 0; i < inEdges.Length; i++)
            inEdges[i] = [];
        foreach (var list in found)
        {
            foreach (var (slot, source, weight) in list)
                inEdges[slot].Add((source, weight));
        }

        var result = new float[(long)rows.Count * k];
        Parallel.For(0, rows.Count, () => new double[k], (i, _, acc) =>
        {
            Array.Clear(acc);
            var c = rows[i];
            foreach (var (source, weight) in inEdges[i])
            {
                var g = (long)source * dim;
                for (var s = 0; s < k; s++)
                    acc[s] += weight * (double)gradOut[g + pattern.GetIndex(c, s)];
            }
            for (var s = 0; s < k; s++)
                result[((long)i * k) + s] = (float)acc[s];
            return acc;
        }, _ => { });
        return result;
    }
}
