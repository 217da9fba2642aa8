using System.Buffers.Binary;
using MaxK.Graphs;

namespace MaxK.Formats;

/// <summary>
/// Compressed Balanced Sparse Row matrix: a Rows × Dim matrix with exactly K stored entries per row, so row i
/// occupies slots [i·K, (i+1)·K) of both arrays and no row pointers are needed. <see cref="Values"/> holds
/// Rows × K float32 values row-major; <see cref="IndexBytes"/> holds the matching column indices, Rows × K
/// entries of <see cref="IndexWidth"/> bytes each (uint16 little-endian). A row's indices must be distinct;
/// their order is free (<see cref="Selection.MaxKSelector"/> stores them by descending value).
/// Arrays are owned by the instance; mutate them only through <see cref="SetIndex"/> or by writing values.
/// </summary>
public sealed class Cbsr
{
    /// <summary>Largest D an index of <see cref="CbsrIndexWidth.UInt8"/> can address.</summary>
    public const int MaxDimUInt8 = 256;

    /// <summary>Largest D supported (uint16 indices).</summary>
    public const int MaxDimUInt16 = 65_536;

    /// <summary>Creates and validates a CBSR matrix; throws a subclass of <see cref="InvalidCbsrException"/>.</summary>
    /// <param name="rows">N, number of rows (≥ 0).</param>
    /// <param name="dim">D, the dense width, in [1, 65,536]; otherwise <see cref="ArgumentOutOfRangeException"/>.</param>
    /// <param name="k">Stored entries per row, in [1, D].</param>
    /// <param name="values">N × K float32, row-major.</param>
    /// <param name="indexBytes">N × K indices of <see cref="IndexWidthFor"/>(D) bytes each, little-endian.</param>
    public Cbsr(int rows, int dim, int k, float[] values, byte[] indexBytes)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(indexBytes);
        IndexWidth = IndexWidthFor(dim);
        Rows = rows;
        Dim = dim;
        K = k;
        Values = values;
        IndexBytes = indexBytes;
        Validate();
    }

    /// <summary>N, number of rows.</summary>
    public int Rows { get; }

    /// <summary>D, the dense width (columns of the matrix this represents).</summary>
    public int Dim { get; }

    /// <summary>Stored entries per row.</summary>
    public int K { get; }

    public CbsrIndexWidth IndexWidth { get; }

    /// <summary>N × K stored values, row-major (row stride K).</summary>
    public float[] Values { get; }

    /// <summary>N × K column indices, <see cref="IndexWidth"/> bytes each, little-endian, row stride K entries.</summary>
    public byte[] IndexBytes { get; }

    /// <summary>
    /// The index width for a dense width D: uint8 for D ≤ 256, uint16 for D ≤ 65,536.
    /// Throws <see cref="ArgumentOutOfRangeException"/> for D &lt; 1 or D &gt; 65,536.
    /// </summary>
    public static CbsrIndexWidth IndexWidthFor(int dim)
    {
        if (dim < 1 || dim > MaxDimUInt16)
        {
            throw new ArgumentOutOfRangeException(
                nameof(dim), dim, $"CBSR dense width D must lie in [1, {MaxDimUInt16}] (uint16 indices at most).");
        }
        return dim <= MaxDimUInt8 ? CbsrIndexWidth.UInt8 : CbsrIndexWidth.UInt16;
    }

    /// <summary>Column index stored in (row, slot).</summary>
    public int GetIndex(int row, int slot) => IndexAt(CheckedEntry(row, slot));

    /// <summary>
    /// Stores column <paramref name="column"/> in (row, slot). Checks the range [0, D) only; call
    /// <see cref="Validate"/> after edits to re-check that each row's indices are distinct.
    /// </summary>
    public void SetIndex(int row, int slot, int column)
    {
        var entry = CheckedEntry(row, slot);
        if ((uint)column >= (uint)Dim)
            throw new CbsrIndexOutOfRangeException(row, slot, column, Dim);
        if (IndexWidth == CbsrIndexWidth.UInt8)
            IndexBytes[entry] = (byte)column;
        else
            BinaryPrimitives.WriteUInt16LittleEndian(IndexBytes.AsSpan(entry * 2), (ushort)column);
    }

    /// <summary>Re-runs every check of the constructor (shapes, index range, distinct indices per row).</summary>
    public void Validate() => CbsrValidator.Validate(this);

    /// <summary>The dense Rows × Dim float32 matrix (row-major) with zeros outside the stored entries.</summary>
    public float[] ScatterToDense()
    {
        var dense = new float[checked(Rows * Dim)];
        RowBlocks.ForEachChunk(Rows, 1 << 12, (first, end) =>
        {
            for (var r = first; r < end; r++)
            {
                for (var s = 0; s < K; s++)
                {
                    var entry = (r * K) + s;
                    dense[((long)r * Dim) + IndexAt(entry)] += Values[entry];
                }
            }
        });
        return dense;
    }

    public override string ToString() => $"Cbsr(N={Rows}, D={Dim}, k={K}, index={IndexWidth})";

    /// <summary>Index of flat entry row·K + slot, without the row/slot checks.</summary>
    internal int IndexAt(int entry) => IndexWidth == CbsrIndexWidth.UInt8
        ? IndexBytes[entry]
        : BinaryPrimitives.ReadUInt16LittleEndian(IndexBytes.AsSpan(entry * 2));

    private int CheckedEntry(int row, int slot)
    {
        if ((uint)row >= (uint)Rows)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must lie in [0, {Rows}).");
        if ((uint)slot >= (uint)K)
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"Slot must lie in [0, k = {K}).");
        return (row * K) + slot;
    }
}
