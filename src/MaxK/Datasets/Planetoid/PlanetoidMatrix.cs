using MaxK.Datasets.Planetoid.Pickles;

namespace MaxK.Datasets.Planetoid;

/// <summary>A decoded Planetoid matrix file: a scipy CSR matrix or a dense 2-D numpy array.</summary>
internal sealed class PlanetoidMatrix
{
    private readonly ScipyCsrMatrix? _sparse;
    private readonly NumpyArray? _dense;

    private PlanetoidMatrix(string path, ScipyCsrMatrix? sparse, NumpyArray? dense)
    {
        Path = path;
        _sparse = sparse;
        _dense = dense;
        Rows = sparse?.Rows ?? dense!.Shape[0];
        Columns = sparse?.Columns ?? dense!.Shape[1];
    }

    public string Path { get; }

    public int Rows { get; }

    public int Columns { get; }

    public static PlanetoidMatrix Load(string path) => PlanetoidPickle.Load(path) switch
    {
        ScipyCsrMatrix sparse => new PlanetoidMatrix(path, sparse, null),
        NumpyArray { Shape.Length: 2 } dense => new PlanetoidMatrix(path, null, dense),
        NumpyArray other => throw new CorruptDatasetException(path, $"expected a 2-D array, got shape ({string.Join(", ", other.Shape)})."),
        var other => throw new CorruptDatasetException(path, $"expected a matrix, got {other.GetType().Name}."),
    };

    /// <summary>Writes row <paramref name="row"/> into <paramref name="destination"/> (length <see cref="Columns"/>).</summary>
    public void CopyRow(int row, Span<float> destination)
    {
        destination.Clear();
        if (_sparse is not null)
        {
            for (var e = _sparse.RowPointers[row]; e < _sparse.RowPointers[row + 1]; e++)
                destination[_sparse.ColumnIndices[e]] += _sparse.Values[e];
            return;
        }
        for (var c = 0; c < Columns; c++)
            destination[c] = (float)_dense!.Get(row, c);
    }

    /// <summary>The arg-max column of row <paramref name="row"/>; the first of equal maxima, so 0 for an all-zero row.</summary>
    public int ArgMax(int row)
    {
        Span<float> values = Columns <= 1024 ? stackalloc float[Columns] : new float[Columns];
        CopyRow(row, values);
        var best = 0;
        for (var c = 1; c < values.Length; c++)
        {
            if (values[c] > values[best])
                best = c;
        }
        return best;
    }
}
