namespace MaxK.Graphs;

/// <summary>
/// A directed graph (or sparse matrix A) in compressed sparse row form: row r's neighbours are
/// <c>ColumnIndices[RowPointers[r] .. RowPointers[r+1])</c>. Row r aggregates from its neighbours,
/// so Y = A·X has Y[r] = Σ_e Weight(e)·X[ColumnIndices[e]]. Int32 offsets, as in the raw CSR files and
/// cuSPARSE's 32I mode, so at most 2^31−1 edges. Arrays are owned by the graph and must not be mutated.
/// </summary>
public sealed class CsrGraph
{
    /// <summary>Creates and validates a graph; throws a subclass of <see cref="InvalidGraphException"/>.</summary>
    /// <param name="nodeCount">N, the number of rows and columns.</param>
    /// <param name="rowPointers">N+1 non-decreasing offsets, starting at 0 and ending at E.</param>
    /// <param name="columnIndices">E column indices in [0, N).</param>
    /// <param name="edgeWeights">E finite weights, or null for an unweighted graph (all weights 1).</param>
    public CsrGraph(int nodeCount, int[] rowPointers, int[] columnIndices, float[]? edgeWeights = null)
    {
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        CsrValidator.Validate(nodeCount, rowPointers, columnIndices, edgeWeights);
        NodeCount = nodeCount;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
        EdgeWeights = edgeWeights;
    }

    public int NodeCount { get; }

    /// <summary>E, the number of stored (directed) edges.</summary>
    public int EdgeCount => ColumnIndices.Length;

    public int[] RowPointers { get; }

    public int[] ColumnIndices { get; }

    /// <summary>Per-edge weights aligned with <see cref="ColumnIndices"/>; null means every weight is 1.</summary>
    public float[]? EdgeWeights { get; }

    public bool IsWeighted => EdgeWeights is not null;

    public int Degree(int row) => RowPointers[row + 1] - RowPointers[row];

    public float Weight(int edge) => EdgeWeights is null ? 1f : EdgeWeights[edge];

    /// <summary>The same structure with new weights (validated).</summary>
    public CsrGraph WithWeights(float[]? edgeWeights) => new(NodeCount, RowPointers, ColumnIndices, edgeWeights);

    public override string ToString() => $"CsrGraph(N={NodeCount}, E={EdgeCount}, weighted={IsWeighted})";
}
