using System.Runtime.InteropServices;

namespace MaxK.Datasets.Numpy;

/// <summary>Element types the reader understands (all little-endian or single-byte).</summary>
public enum NpyElementType
{
    Float32,
    Float64,
    Int32,
    Int64,
    UInt8,
    Bool,
    UInt16,
    Int8,
    /// <summary>Fixed-width byte string, <c>|S&lt;n&gt;</c> (scipy's <c>format</c> entry in older versions).</summary>
    Bytes,
    /// <summary>Fixed-width UTF-32 string, <c>&lt;U&lt;n&gt;</c> (scipy's <c>format</c> entry).</summary>
    Unicode,
}

/// <summary>
/// A C-order NumPy array read from a <c>.npy</c> file or <c>.npz</c> entry: its dtype, shape and the raw
/// little-endian element bytes, with typed views and range-checked conversions. <see cref="Source"/> names the
/// file (and entry) for error messages.
/// </summary>
public sealed class NpyArray
{
    internal NpyArray(string source, string descr, NpyElementType elementType, int itemSize, long[] shape, Array data)
    {
        Source = source;
        Descr = descr;
        ElementType = elementType;
        ItemSize = itemSize;
        Shape = shape;
        Storage = data;
    }

    /// <summary>The file (and <c>:entry</c> inside an npz) the array came from.</summary>
    public string Source { get; }

    /// <summary>The dtype string of the header, e.g. <c>&lt;f4</c>.</summary>
    public string Descr { get; }

    public NpyElementType ElementType { get; }

    /// <summary>Bytes per element.</summary>
    public int ItemSize { get; }

    public IReadOnlyList<long> Shape { get; }

    /// <summary>
    /// The elements in a typed array (float[] for &lt;f4, double[] for &lt;f8, int[], long[], ushort[], and byte[]
    /// for single-byte and string types), C order.
    /// </summary>
    internal Array Storage { get; }

    /// <summary>Raw element bytes, C order, little-endian.</summary>
    internal ReadOnlySpan<byte> Data => BytesOf(Storage);

    public long ElementCount => Data.Length / ItemSize;

    public int Rank => Shape.Count;

    /// <summary>Shape as text, e.g. <c>(3, 4)</c>.</summary>
    public string ShapeText => "(" + string.Join(", ", Shape) + (Shape.Count == 1 ? ",)" : ")");

    /// <summary>Throws <see cref="CorruptDatasetException"/> unless the array has <paramref name="rank"/> dimensions.</summary>
    public void RequireRank(int rank, string what)
    {
        if (Rank != rank)
            throw new CorruptDatasetException(Source, $"{what} must be a {rank}-D array, got shape {ShapeText}.");
    }

    /// <summary>
    /// Elements as float32 (floats narrowed, integers and booleans converted). A &lt;f4 array returns its own
    /// storage without copying; callers own it from then on.
    /// </summary>
    public float[] ToFloat32()
    {
        var count = checked((int)ElementCount);
        switch (ElementType)
        {
            case NpyElementType.Float32:
                return (float[])Storage;
            case NpyElementType.Float64:
            {
                var source = MemoryMarshal.Cast<byte, double>(Data);
                var result = GC.AllocateUninitializedArray<float>(count);
                for (var i = 0; i < count; i++)
                    result[i] = (float)source[i];
                return result;
            }
            default:
            {
                var result = GC.AllocateUninitializedArray<float>(count);
                for (var i = 0; i < count; i++)
                    result[i] = (float)IntegerAt(i);
                return result;
            }
        }
    }

    /// <summary>Integer elements as int32; throws <see cref="CorruptDatasetException"/> for floats, strings or values out of range.</summary>
    public int[] ToInt32(string what)
    {
        if (ElementType is NpyElementType.Float32 or NpyElementType.Float64 or NpyElementType.Bytes or NpyElementType.Unicode)
            throw new CorruptDatasetException(Source, $"{what} must be an integer array, got dtype '{Descr}'.");
        var count = checked((int)ElementCount);
        if (ElementType == NpyElementType.Int32)
            return (int[])((int[])Storage).Clone();
        var result = GC.AllocateUninitializedArray<int>(count);
        if (Storage is long[] wide)
        {
            for (var i = 0; i < count; i++)
            {
                var value = wide[i];
                if (value is < int.MinValue or > int.MaxValue)
                    throw new CorruptDatasetException(Source, $"{what}[{i}] = {value} does not fit in int32.");
                result[i] = (int)value;
            }
            return result;
        }
        for (var i = 0; i < count; i++)
        {
            var value = IntegerAt(i);
            if (value is < int.MinValue or > int.MaxValue)
                throw new CorruptDatasetException(Source, $"{what}[{i}] = {value} does not fit in int32.");
            result[i] = (int)value;
        }
        return result;
    }

    /// <summary>Integer elements as int64.</summary>
    public long[] ToInt64(string what)
    {
        if (ElementType is NpyElementType.Float32 or NpyElementType.Float64 or NpyElementType.Bytes or NpyElementType.Unicode)
            throw new CorruptDatasetException(Source, $"{what} must be an integer array, got dtype '{Descr}'.");
        var result = new long[ElementCount];
        for (var i = 0; i < result.Length; i++)
            result[i] = IntegerAt(i);
        return result;
    }

    /// <summary>The single string of a 0-d string array (<c>|S</c> or <c>&lt;U</c>), trailing NULs removed.</summary>
    public string ToScalarString(string what)
    {
        string text = ElementType switch
        {
            NpyElementType.Bytes => System.Text.Encoding.ASCII.GetString(Data),
            NpyElementType.Unicode => System.Text.Encoding.UTF32.GetString(Data),
            _ => throw new CorruptDatasetException(Source, $"{what} must be a string, got dtype '{Descr}'."),
        };
        return text.TrimEnd('\0');
    }

    /// <summary>A typed array for <paramref name="count"/> elements of <paramref name="type"/>.</summary>
    internal static Array Allocate(NpyElementType type, int itemSize, int count) => type switch
    {
        NpyElementType.Float32 => GC.AllocateUninitializedArray<float>(count),
        NpyElementType.Float64 => GC.AllocateUninitializedArray<double>(count),
        NpyElementType.Int32 => GC.AllocateUninitializedArray<int>(count),
        NpyElementType.Int64 => GC.AllocateUninitializedArray<long>(count),
        NpyElementType.UInt16 => GC.AllocateUninitializedArray<ushort>(count),
        _ => GC.AllocateUninitializedArray<byte>(checked(count * itemSize)),
    };

    /// <summary>The bytes of a typed array made by <see cref="Allocate"/>.</summary>
    internal static Span<byte> BytesOf(Array array) => array switch
    {
        float[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        double[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        int[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        long[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        ushort[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        byte[] a => a.AsSpan(),
        _ => throw new InvalidOperationException($"Unexpected storage {array.GetType()}."),
    };

    private long IntegerAt(int i) => ElementType switch
    {
        NpyElementType.Int32 => MemoryMarshal.Cast<byte, int>(Data)[i],
        NpyElementType.Int64 => MemoryMarshal.Cast<byte, long>(Data)[i],
        NpyElementType.UInt16 => MemoryMarshal.Cast<byte, ushort>(Data)[i],
        NpyElementType.UInt8 => Data[i],
        NpyElementType.Int8 => (sbyte)Data[i],
        NpyElementType.Bool => Data[i] != 0 ? 1 : 0,
        _ => throw new CorruptDatasetException(Source, $"dtype '{Descr}' is not an integer type."),
    };
}
