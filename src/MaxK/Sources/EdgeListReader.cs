using System.Globalization;
using System.IO.Compression;
using System.Text;
using MaxK.Datasets;
using MaxK.Graphs;

namespace MaxK.Sources;

/// <summary>
/// SNAP-style text edge lists, the format of snap.stanford.edu and KONECT downloads (optionally gzip-compressed, by the
/// .gz name): one edge per line as two whitespace-separated integer ids <c>u v</c>; lines starting with <c>#</c> or
/// <c>%</c> and blank lines are comments; columns after the second (weights, timestamps) are ignored.
/// <para>
/// Ids are remapped densely in <b>sorted order</b> of their numeric value (the smallest id becomes node 0), so the result
/// does not depend on the order of the lines and ids keep their relative order. The graph is then made undirected the way
/// the presets store their rows, sorted ascending and de-duplicated: each line adds u → v and v → u, repeated edges
/// collapse, and a self-loop u u is kept once (as in the synthetic presets, which keep self-loops). Memory about 40 bytes
/// per line while building.
/// </para>
/// </summary>
public static class EdgeListReader
{
    /// <summary>Reads and symmetrises the edge list at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="FormatException">A line is not two integer ids, the file has no edge, or the graph exceeds int32 CSR.</exception>
    public static CsrGraph Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Edge list '{path}' not found.", path);
        var sources = new List<long>();
        var targets = new List<long>();
        using (var file = File.OpenRead(path))
        using (var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file)
        using (var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
        {
            var lineNumber = 0L;
            string? line;
            while ((line = ReadLine(reader, path)) is not null)
            {
                lineNumber++;
                var text = line.AsSpan().Trim();
                if (text.IsEmpty || text[0] is '#' or '%')
                    continue;
                if (!TryParsePair(text, out var u, out var v))
                    throw new FormatException($"Edge list '{path}', line {lineNumber}: expected two whitespace-separated integer ids, got '{Shorten(line)}'.");
                sources.Add(u);
                targets.Add(v);
            }
        }
        if (sources.Count == 0)
            throw new FormatException($"Edge list '{path}' has no edges (only comments or blank lines).");
        if (sources.Count > int.MaxValue / 2)
            throw new FormatException($"Edge list '{path}' has {sources.Count:N0} edges; both directions exceed the int32 CSR limit.");

        long[] ids = [.. sources, .. targets];
        Array.Sort(ids);
        var distinct = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (i == 0 || ids[i] != ids[distinct - 1])
                ids[distinct++] = ids[i];
        }
        var rows = new int[sources.Count];
        var columns = new int[sources.Count];
        var dense = ids.AsSpan(0, distinct);
        for (var e = 0; e < rows.Length; e++)
        {
            rows[e] = dense.BinarySearch(sources[e]);
            columns[e] = dense.BinarySearch(targets[e]);
        }
        try
        {
            var both = EdgeListBuilder.Build(distinct, rows, columns, bothDirections: true, path);
            return GraphOps.SortAndDeduplicate(both);
        }
        catch (CorruptDatasetException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    private static string? ReadLine(StreamReader reader, string path)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (InvalidDataException e)
        {
            throw new FormatException($"Edge list '{path}' is not valid gzip: {e.Message}", e);
        }
    }

    private static bool TryParsePair(ReadOnlySpan<char> text, out long u, out long v)
    {
        u = v = 0;
        var first = NextToken(ref text);
        var second = NextToken(ref text);
        return !first.IsEmpty && !second.IsEmpty
            && long.TryParse(first, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out u)
            && long.TryParse(second, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v);
    }

    private static ReadOnlySpan<char> NextToken(ref ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
            end++;
        var token = text[..end];
        text = text[end..];
        return token;
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "…";
}
