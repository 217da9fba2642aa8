using MaxK.Graphs;

namespace MaxK.Datasets.Numpy;

/// <summary>
/// Reads a square sparse matrix saved by <c>scipy.sparse.save_npz</c> (an npz with <c>format</c> =
/// csr / csc / coo, <c>shape</c>, <c>data</c>, and <c>indices</c> + <c>indptr</c> or <c>row</c> + <c>col</c>)
/// as the unweighted <see cref="CsrGraph"/> of the matrix A itself: row r lists the columns c with a stored
/// A[r, c] (explicit zeros included, values ignored; duplicates and the stored order kept).
/// </summary>
public static class ScipySparseReader
{
    /// <summary>Reads the matrix; errors name the file.</summary>
    public static CsrGraph ReadGraph(string path)
    {
        var npz = NpyReader.ReadNpz(path);
        var format = NpyReader.Require(npz, path, "format").ToScalarString("format");
        var shapeArray = NpyReader.Require(npz, path, "shape");
        var shape = shapeArray.ToInt64("shape");
        if (shape.Length != 2)
            throw new CorruptDatasetException(path, $"'shape' must hold 2 values, got {shape.Length}.");
        if (shape[0] != shape[1])
            throw new CorruptDatasetException(path, $"an adjacency matrix must be square, got shape ({shape[0]}, {shape[1]}).");
        if (shape[0] is < 0 or > int.MaxValue - 1)
            throw new CorruptDatasetException(path, $"node count {shape[0]} is out of range.");
        var n = (int)shape[0];
        switch (format)
        {
            case "csr":
            case "csc":
            {
                var indptr = NpyReader.Require(npz, path, "indptr").ToInt32("indptr");
                var indices = NpyReader.Require(npz, path, "indices").ToInt32("indices");
                CheckData(npz, path, indices.Length);
                if (indptr.Length != n + 1)
                    throw new CorruptDatasetException(path, $"'indptr' must hold N+1 = {n + 1} values for shape ({n}, {n}), got {indptr.Length}.");
                CsrGraph graph;
                try
                {
                    graph = new CsrGraph(n, indptr, indices);
                }
                catch (FormatException ex)
                {
                    throw new CorruptDatasetException(path, ex.Message, ex);
                }
                // CSC stores Aᵀ row-wise: its "rows" are A's columns.
                return format == "csr" ? graph : GraphOps.Transpose(graph);
            }
            case "coo":
            {
                var row = NpyReader.Require(npz, path, "row").ToInt32("row");
                var col = NpyReader.Require(npz, path, "col").ToInt32("col");
                CheckData(npz, path, row.Length);
                return EdgeListBuilder.Build(n, row, col, bothDirections: false, path);
            }
            default:
                throw new CorruptDatasetException(path, $"unsupported sparse format '{format}' (supported: csr, csc, coo).");
        }
    }

    private static void CheckData(IReadOnlyDictionary<string, NpyArray> npz, string path, int nonZeros)
    {
        if (npz.TryGetValue("data", out var data) && data.ElementCount != nonZeros)
            throw new CorruptDatasetException(path, $"'data' holds {data.ElementCount} values but the matrix has {nonZeros} stored entries.");
    }
}
