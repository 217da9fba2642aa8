using System.Buffers.Binary;
using System.Text;

namespace MaxK.Datasets.Planetoid.Pickles;

/// <summary>
/// A pickled <c>numpy.ndarray</c> (built by <c>numpy.core.multiarray._reconstruct</c>, then BUILD with the
/// state tuple (version, shape, dtype, is_fortran, raw bytes)). Python 2 pickles carry the raw bytes as a
/// latin-1 string, Python 3 ones as bytes; both are accepted.
/// </summary>
internal sealed class NumpyArray
{
    public int[] Shape { get; private set; } = [];

    public NumpyDType DType { get; private set; } = new("?");

    /// <summary>True when a 2-D array's bytes are column-major.</summary>
    public bool FortranOrder { get; private set; }

    public byte[] RawData { get; private set; } = [];

    public long ElementCount => Shape.Aggregate(1L, (product, extent) => product * extent);

    /// <summary>Called by the unpickler's BUILD opcode.</summary>
    public void __setstate__(object[] state)
    {
        if (state.Length != 5)
            throw new FormatException($"ndarray state must have 5 items, got {state.Length}.");
        Shape = state[1] is object[] shape
            ? [.. shape.Select(extent => Convert.ToInt32(extent, System.Globalization.CultureInfo.InvariantCulture))]
            : throw new FormatException("ndarray shape is not a tuple.");
        DType = state[2] as NumpyDType ?? throw new FormatException("ndarray dtype is not a numpy.dtype.");
        FortranOrder = state[3] is true;
        RawData = state[4] switch
        {
            string latin1 => Encoding.Latin1.GetBytes(latin1),
            byte[] bytes => bytes,
            _ => throw new FormatException("ndarray data is neither a string nor bytes (object arrays are not supported)."),
        };
        var size = DType.ItemSizeBytes;
        if (size is not (1 or 2 or 4 or 8) || DType.Kind is not ('i' or 'u' or 'f' or 'b') || (DType.Kind == 'f' && size < 4))
            throw new FormatException($"unsupported ndarray dtype '{DType}'.");
        if (RawData.LongLength != ElementCount * size)
            throw new FormatException($"ndarray of shape ({string.Join(", ", Shape)}) and dtype {DType} needs " +
                $"{ElementCount * size} bytes but has {RawData.LongLength}.");
    }

    /// <summary>Element <paramref name="row"/>, <paramref name="column"/> of a 2-D array, as a double.</summary>
    public double Get(int row, int column)
    {
        var flat = FortranOrder ? (long)column * Shape[0] + row : (long)row * Shape[1] + column;
        return GetFlat(flat);
    }

    /// <summary>Element <paramref name="index"/> in storage order, as a double.</summary>
    public double GetFlat(long index)
    {
        var size = DType.ItemSizeBytes;
        var bytes = RawData.AsSpan(checked((int)(index * size)), size);
        var big = DType.BigEndian;
        return (DType.Kind, size) switch
        {
            ('f', 4) => big ? BinaryPrimitives.ReadSingleBigEndian(bytes) : BinaryPrimitives.ReadSingleLittleEndian(bytes),
            ('f', 8) => big ? BinaryPrimitives.ReadDoubleBigEndian(bytes) : BinaryPrimitives.ReadDoubleLittleEndian(bytes),
            ('i', 1) => (sbyte)bytes[0],
            ('i', 2) => big ? BinaryPrimitives.ReadInt16BigEndian(bytes) : BinaryPrimitives.ReadInt16LittleEndian(bytes),
            ('i', 4) => big ? BinaryPrimitives.ReadInt32BigEndian(bytes) : BinaryPrimitives.ReadInt32LittleEndian(bytes),
            ('i', 8) => big ? BinaryPrimitives.ReadInt64BigEndian(bytes) : BinaryPrimitives.ReadInt64LittleEndian(bytes),
            ('u' or 'b', 1) => bytes[0],
            ('u', 2) => big ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes),
            ('u', 4) => big ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            ('u', 8) => big ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes),
            _ => throw new FormatException($"unsupported ndarray dtype '{DType}'."),
        };
    }

    /// <summary>A 1-D integer array's elements (CSR index arrays).</summary>
    public int[] ToInt32Vector()
    {
        if (Shape.Length != 1 || DType.Kind is not ('i' or 'u'))
            throw new FormatException($"expected a 1-D integer array, got shape ({string.Join(", ", Shape)}) dtype {DType}.");
        var result = new int[Shape[0]];
        for (var i = 0; i < result.Length; i++)
        {
            var value = GetFlat(i);
            if (value is < int.MinValue or > int.MaxValue)
                throw new FormatException($"index {value} at position {i} does not fit in int32.");
            result[i] = (int)value;
        }
        return result;
    }

    /// <summary>A 1-D numeric array's elements as float32 (CSR data arrays).</summary>
    public float[] ToSingleVector()
    {
        if (Shape.Length != 1)
            throw new FormatException($"expected a 1-D array, got shape ({string.Join(", ", Shape)}).");
        var result = new float[Shape[0]];
        for (var i = 0; i < result.Length; i++)
            result[i] = (float)GetFlat(i);
        return result;
    }
}
