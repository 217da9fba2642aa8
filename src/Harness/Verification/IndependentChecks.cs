using MaxK.Formats;
using MaxK.Graphs;

namespace MaxK.Harness.Verification;

/// <summary>
/// Oracles computed a different way from the kernels they check: sort-based top-k, sequential double SpMM,
/// and (Aᵀ·G) through an explicit transpose. Slow, simple, and only used on the small graphs of verification.
/// </summary>
public static class IndependentChecks
{
    /// <summary>Dense N×D matrix keeping each row's k largest values (ties: lower column first), zeros elsewhere.</summary>
    public static float[] TopKMasked(float[] x, int rows, int dim, int k)
    {
        var result = new float[x.Length];
        var order = new int[dim];
        for (var r = 0; r < rows; r++)
        {
            var row = x.AsSpan(r * dim, dim);
            for (var c = 0; c < dim; c++)
                order[c] = c;
            var copy = row.ToArray();
            Array.Sort(order, (a, b) => copy[a] != copy[b] ? copy[b].CompareTo(copy[a]) : a.CompareTo(b));
            for (var s = 0; s < k; s++)
                result[(r * dim) + order[s]] = copy[order[s]];
        }
        return result;
    }

    /// <summary>Y = A·X by plain per-row loops in double (the row-sampled reference over every row).</summary>
    public static float[] SequentialSpmm(CsrGraph a, float[] x, int dim) =>
        SampledReferences.DenseSpmmRows(a, x, dim, Enumerable.Range(0, a.NodeCount).ToArray());

    /// <summary>(Aᵀ·G) gathered at the CBSR pattern: N×k, through an explicit transpose.</summary>
    public static float[] TransposedGather(CsrGraph a, float[] gradOut, Cbsr pattern)
    {
        var full = SequentialSpmm(GraphOps.Transpose(a), gradOut, pattern.Dim);
        var result = new float[(long)pattern.Rows * pattern.K];
        for (var r = 0; r < pattern.Rows; r++)
        {
            for (var s = 0; s < pattern.K; s++)
                result[((long)r * pattern.K) + s] = full[((long)r * pattern.Dim) + pattern.GetIndex(r, s)];
        }
        return result;
    }
}
