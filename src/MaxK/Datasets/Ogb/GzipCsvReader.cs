using System.Buffers;
using System.Globalization;
using System.IO.Compression;

namespace MaxK.Datasets.Ogb;

/// <summary>
/// Streams the lines of a gzip-compressed CSV file (as in OGB's raw folders) as UTF-8 byte spans from a reusable
/// buffer, with no per-line allocation; numbers are parsed straight from the bytes. Errors name the file and line.
/// </summary>
public sealed class GzipCsvReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public GzipCsvReader(string path)
    {
        if (!File.Exists(path))
        {
            var name = System.IO.Path.GetFileName(path);
            throw new DatasetNotFoundException(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".", [name], [name]);
        }
        Path = path;
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        _stream = new GZipStream(file, CompressionMode.Decompress);
        _buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
    }

    public string Path { get; }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The next non-empty line without its line ending; false at the end of the file. Valid until the next call.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline < 0 && !_eof)
            {
                Fill();
                continue;
            }
            int length = newline >= 0 ? newline : _end - _start;
            if (newline < 0 && length == 0)
            {
                line = default;
                return false;
            }
            var span = _buffer.AsSpan(_start, length);
            _start += newline >= 0 ? newline + 1 : length;
            LineNumber++;
            if (span.Length > 0 && span[^1] == (byte)'\r')
                span = span[..^1];
            if (span.IsEmpty)
                continue;
            line = span;
            return true;
        }
    }

    /// <summary>Parses an integer field; throws <see cref="CorruptDatasetException"/> naming the line.</summary>
    public long ParseInt64(ReadOnlySpan<byte> field)
    {
        field = field.Trim((byte)' ');
        if (long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        // Integers written as floats ("3.0") by pandas.
        if (double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real == Math.Floor(real)
            && Math.Abs(real) < 9e15)
            return (long)real;
        throw Error($"'{System.Text.Encoding.UTF8.GetString(field)}' is not an integer.");
    }

    /// <summary>Parses an int32 field in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int ParseInt32(ReadOnlySpan<byte> field, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = ParseInt64(field);
        if (value < min || value > max)
            throw Error($"{value} is outside [{min}, {max}].");
        return (int)value;
    }

    /// <summary>Parses a float field (exponents, nan and inf accepted).</summary>
    public float ParseSingle(ReadOnlySpan<byte> field) => ParseSingle(field, LineNumber);

    /// <summary>
    /// Parses the comma-separated values of <paramref name="line"/> into <paramref name="destination"/>; the line
    /// must hold exactly destination.Length values.
    /// </summary>
    public void ParseSingles(ReadOnlySpan<byte> line, Span<float> destination) => ParseSingles(line, destination, LineNumber);

    /// <summary>As <see cref="ParseSingles(ReadOnlySpan{byte}, Span{float})"/> for a line read earlier (thread-safe; errors name <paramref name="lineNumber"/>).</summary>
    public void ParseSingles(ReadOnlySpan<byte> line, Span<float> destination, long lineNumber)
    {
        var count = 0;
        foreach (var range in line.Split((byte)','))
        {
            if (count == destination.Length)
                throw Error($"more than {destination.Length} values.", lineNumber);
            destination[count++] = ParseSingle(line[range], lineNumber);
        }
        if (count != destination.Length)
            throw Error($"{count} values, expected {destination.Length}.", lineNumber);
    }

    private float ParseSingle(ReadOnlySpan<byte> field, long lineNumber)
    {
        field = field.Trim((byte)' ');
        if (float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value;
        throw Error($"'{System.Text.Encoding.UTF8.GetString(field)}' is not a number.", lineNumber);
    }

    /// <summary>Number of comma-separated fields on a line.</summary>
    public static int CountFields(ReadOnlySpan<byte> line) => line.Count((byte)',') + 1;

    /// <summary>An exception naming the file and the current line.</summary>
    public CorruptDatasetException Error(string problem) => Error(problem, LineNumber);

    /// <summary>An exception naming the file and line <paramref name="lineNumber"/>.</summary>
    public CorruptDatasetException Error(string problem, long lineNumber) => new(Path, $"line {lineNumber}: {problem}");

    public void Dispose()
    {
        _stream.Dispose();
        if (_buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        int read;
        try
        {
            read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (InvalidDataException ex)
        {
            throw new CorruptDatasetException(Path, $"not valid gzip data after line {LineNumber}: {ex.Message}", ex);
        }
        catch (EndOfStreamException ex)
        {
            throw new CorruptDatasetException(Path, $"truncated gzip data after line {LineNumber}.", ex);
        }
        if (read == 0)
            _eof = true;
        else
            _end += read;
    }
}
