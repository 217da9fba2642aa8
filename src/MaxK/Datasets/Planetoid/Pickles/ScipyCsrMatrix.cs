using System.Collections;
using System.Globalization;

namespace MaxK.Datasets.Planetoid.Pickles;

/// <summary>
/// A pickled <c>scipy.sparse.csr_matrix</c>: created empty (NEWOBJ), then BUILD with its instance dict, of
/// which <c>_shape</c>, <c>indptr</c>, <c>indices</c> and <c>data</c> are used.
/// </summary>
internal sealed class ScipyCsrMatrix
{
    public int Rows { get; private set; }

    public int Columns { get; private set; }

    public int[] RowPointers { get; private set; } = [];

    public int[] ColumnIndices { get; private set; } = [];

    public float[] Values { get; private set; } = [];

    /// <summary>Called by the unpickler's BUILD opcode with the instance dict.</summary>
    public void __setstate__(Hashtable state)
    {
        if (state["_shape"] is not object[] { Length: 2 } shape)
            throw new FormatException("csr_matrix state has no 2-D '_shape'.");
        Rows = Convert.ToInt32(shape[0], CultureInfo.InvariantCulture);
        Columns = Convert.ToInt32(shape[1], CultureInfo.InvariantCulture);
        RowPointers = Array(state, "indptr").ToInt32Vector();
        ColumnIndices = Array(state, "indices").ToInt32Vector();
        Values = Array(state, "data").ToSingleVector();
        if (RowPointers.Length != Rows + 1 || RowPointers[0] != 0 || RowPointers[Rows] != ColumnIndices.Length
            || Values.Length != ColumnIndices.Length)
            throw new FormatException($"csr_matrix arrays are inconsistent with shape ({Rows}, {Columns}).");
        for (var r = 0; r < Rows; r++)
        {
            if (RowPointers[r + 1] < RowPointers[r])
                throw new FormatException($"csr_matrix indptr decreases at row {r}.");
        }
        foreach (var column in ColumnIndices)
        {
            if ((uint)column >= (uint)Columns)
                throw new FormatException($"csr_matrix column {column} is outside [0, {Columns}).");
        }
    }

    private static NumpyArray Array(Hashtable state, string key) =>
        state[key] as NumpyArray ?? throw new FormatException($"csr_matrix state has no ndarray '{key}'.");
}
