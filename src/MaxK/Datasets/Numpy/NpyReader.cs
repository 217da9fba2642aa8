using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace MaxK.Datasets.Numpy;

/// <summary>
/// Reads NumPy <c>.npy</c> files (format versions 1–3) and <c>.npz</c> archives (a zip of <c>.npy</c> entries,
/// stored or deflated, as written by <c>np.savez</c> / <c>np.savez_compressed</c>). Supported dtypes:
/// <c>&lt;f4 &lt;f8 &lt;i4 &lt;i8 &lt;u2 |u1 |i1 |b1</c> plus <c>|S</c>/<c>&lt;U</c> strings; C order only
/// (Fortran-order arrays are rejected with a clear message). Errors are <see cref="CorruptDatasetException"/>
/// naming the file and entry; missing files are <see cref="DatasetNotFoundException"/>.
/// </summary>
public static partial class NpyReader
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a <c>.npy</c> file.</summary>
    public static NpyArray ReadNpy(string path)
    {
        RequireFile(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Read(stream, path);
    }

    /// <summary>Reads every entry of an <c>.npz</c> file, keyed by name without the <c>.npy</c> suffix.</summary>
    public static IReadOnlyDictionary<string, NpyArray> ReadNpz(string path)
    {
        RequireFile(path);
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException ex)
        {
            throw new CorruptDatasetException(path, "not a valid npz (zip) archive.", ex);
        }
        using (archive)
        {
            var result = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
            foreach (var entry in archive.Entries)
            {
                var key = entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;
                var source = $"{path}:{entry.FullName}";
                try
                {
                    using var stream = entry.Open();
                    result[key] = Read(stream, source, path);
                }
                catch (InvalidDataException ex)
                {
                    throw new CorruptDatasetException(path, $"entry '{entry.FullName}' cannot be decompressed: {ex.Message}", ex);
                }
            }
            return result;
        }
    }

    /// <summary>The entry <paramref name="key"/> of a read npz, or a <see cref="CorruptDatasetException"/> listing the keys present.</summary>
    public static NpyArray Require(IReadOnlyDictionary<string, NpyArray> npz, string path, string key) =>
        npz.TryGetValue(key, out var array)
            ? array
            : throw new CorruptDatasetException(path, $"missing array '{key}' (has: {string.Join(", ", npz.Keys.Order(StringComparer.Ordinal))}).");

    /// <summary>Reads one array from a stream positioned at the magic string.</summary>
    /// <param name="source">Name used in messages (the file, or file:entry).</param>
    /// <param name="reportedPath">Path stored in the exception (defaults to <paramref name="source"/>).</param>
    public static NpyArray Read(Stream stream, string source, string? reportedPath = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var path = reportedPath ?? source;
        CorruptDatasetException Corrupt(string problem) =>
            new(path, reportedPath is null ? problem : $"{source[(reportedPath.Length + 1)..]}: {problem}");

        Span<byte> preamble = stackalloc byte[8];
        if (!TryReadExactly(stream, preamble))
            throw Corrupt("truncated: shorter than the 8-byte npy preamble.");
        if (!preamble[..6].SequenceEqual(Magic))
            throw Corrupt("not an npy array (bad magic string).");
        var major = preamble[6];
        int headerLength;
        if (major == 1)
        {
            Span<byte> length = stackalloc byte[2];
            if (!TryReadExactly(stream, length))
                throw Corrupt("truncated header length.");
            headerLength = length[0] | (length[1] << 8);
        }
        else if (major is 2 or 3)
        {
            Span<byte> length = stackalloc byte[4];
            if (!TryReadExactly(stream, length))
                throw Corrupt("truncated header length.");
            var value = BitConverter.ToUInt32(length);
            if (value > 1 << 24)
                throw Corrupt($"implausible header length {value}.");
            headerLength = (int)value;
        }
        else
        {
            throw Corrupt($"unsupported npy format version {major}.{preamble[7]}.");
        }

        var headerBytes = new byte[headerLength];
        if (!TryReadExactly(stream, headerBytes))
            throw Corrupt("truncated header.");
        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var (descr, fortran, shape) = ParseHeader(header, Corrupt);
        if (fortran)
            throw Corrupt($"Fortran-order (column-major) arrays are not supported; re-save with np.ascontiguousarray (shape {FormatShape(shape)}).");
        var (type, itemSize) = ParseDescr(descr, Corrupt);

        long count = 1;
        foreach (var dimension in shape)
        {
            if (dimension < 0)
                throw Corrupt($"negative dimension in shape {FormatShape(shape)}.");
            count = checked(count * dimension);
        }
        var byteCount = count * itemSize;
        if (byteCount > Array.MaxLength || count > int.MaxValue)
            throw Corrupt($"array of shape {FormatShape(shape)} is too large to load ({count} elements).");
        var storage = NpyArray.Allocate(type, itemSize, (int)count);
        var data = NpyArray.BytesOf(storage);
        var read = ReadAtMost(stream, data);
        if (read < byteCount)
            throw Corrupt($"truncated data: shape {FormatShape(shape)} of '{descr}' needs {byteCount} bytes, found {read}.");
        if (type == NpyElementType.Bool)
        {
            foreach (var b in data)
            {
                if (b > 1)
                    throw Corrupt($"boolean array holds byte value {b}.");
            }
        }
        return new NpyArray(source, descr, type, itemSize, shape, storage);
    }

    private static (string Descr, bool Fortran, long[] Shape) ParseHeader(string header, Func<string, CorruptDatasetException> corrupt)
    {
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
            throw corrupt($"bad npy header (expected 'descr', 'fortran_order' and 'shape'): {header.Trim()}");
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var parsed = new long[dims.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            var text = dims[i].TrimEnd('L');
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out parsed[i]))
                throw corrupt($"bad shape '{shape.Groups[1].Value}' in npy header.");
        }
        return (descr.Groups[1].Value, fortran.Groups[1].Value == "True", parsed);
    }

    private static (NpyElementType Type, int ItemSize) ParseDescr(string descr, Func<string, CorruptDatasetException> corrupt)
    {
        if (descr.Length < 2)
            throw corrupt($"unsupported dtype '{descr}'.");
        var order = descr[0];
        var code = descr[1..];
        if (order == '>' && code is not ("u1" or "i1" or "b1"))
            throw corrupt($"big-endian dtype '{descr}' is not supported (only little-endian).");
        if (order is not ('<' or '|' or '=' or '>'))
            throw corrupt($"unsupported dtype '{descr}'.");
        switch (code)
        {
            case "f4": return (NpyElementType.Float32, 4);
            case "f8": return (NpyElementType.Float64, 8);
            case "i4": return (NpyElementType.Int32, 4);
            case "i8": return (NpyElementType.Int64, 8);
            case "u2": return (NpyElementType.UInt16, 2);
            case "u1": return (NpyElementType.UInt8, 1);
            case "i1": return (NpyElementType.Int8, 1);
            case "b1": return (NpyElementType.Bool, 1);
        }
        if (code.Length > 1 && (code[0] == 'S' || code[0] == 'U')
            && int.TryParse(code.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var width) && width > 0)
            return code[0] == 'S' ? (NpyElementType.Bytes, width) : (NpyElementType.Unicode, checked(4 * width));
        throw corrupt($"unsupported dtype '{descr}' (supported: <f4 <f8 <i4 <i8 <u2 |u1 |i1 |b1, |S, <U).");
    }

    private static string FormatShape(long[] shape) => "(" + string.Join(", ", shape) + (shape.Length == 1 ? ",)" : ")");

    private static void RequireFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            var name = Path.GetFileName(path);
            throw new DatasetNotFoundException(directory, [name], [name]);
        }
    }

    private static bool TryReadExactly(Stream stream, Span<byte> buffer) => ReadAtMost(stream, buffer) == buffer.Length;

    private static int ReadAtMost(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0)
                break;
            total += n;
        }
        return total;
    }

    [GeneratedRegex(@"['""]descr['""]\s*:\s*['""]([^'""]+)['""]")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"['""]fortran_order['""]\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"['""]shape['""]\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
