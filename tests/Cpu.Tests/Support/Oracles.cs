using MaxK.Formats;
using MaxK.Graphs;

namespace MaxK.Tests.Support;

/// <summary>Naive, obviously-correct computations the library is checked against.</summary>
internal static class Oracles
{
    /// <summary>Y = A·X in double per row, edges in CSR order, rounded once (bit-identical to the reference).</summary>
    public static float[] Spmm(CsrGraph a, float[] x, int dim)
    {
        var y = new float[a.NodeCount * dim];
        for (var r = 0; r < a.NodeCount; r++)
        {
            for (var j = 0; j < dim; j++)
            {
                var sum = 0.0;
                for (var e = a.RowPointers[r]; e < a.RowPointers[r + 1]; e++)
                    sum += (double)a.Weight(e) * x[(a.ColumnIndices[e] * dim) + j];
                y[(r * dim) + j] = (float)sum;
            }
        }
        return y;
    }

    /// <summary>The N × N dense matrix of A, repeated edges summed (in double, then rounded).</summary>
    public static double[,] ToDense(CsrGraph a)
    {
        var m = new double[a.NodeCount, a.NodeCount];
        foreach (var (r, c, w) in RandomGraphs.Edges(a))
            m[r, c] += w;
        return m;
    }

    /// <summary>dense[r, idx(r,s)] gathered into CBSR layout (N × k).</summary>
    public static float[] GatherAtPattern(float[] dense, Cbsr pattern)
    {
        var result = new float[pattern.Rows * pattern.K];
        for (var r = 0; r < pattern.Rows; r++)
        {
            for (var s = 0; s < pattern.K; s++)
                result[(r * pattern.K) + s] = dense[(r * pattern.Dim) + pattern.GetIndex(r, s)];
        }
        return result;
    }

    /// <summary>Sort-based top-k of one row: (value, column) by value descending, then column ascending.</summary>
    public static (float Value, int Column)[] TopK(ReadOnlySpan<float> row, int k) =>
        row.ToArray().Select((v, c) => (Value: v, Column: c))
            .OrderByDescending(t => t.Value).ThenBy(t => t.Column).Take(k).ToArray();
}
