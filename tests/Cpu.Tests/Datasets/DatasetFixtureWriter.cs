using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace MaxK.Tests.Datasets;

/// <summary>Writes hand-made dataset files: .npy/.npz (with headers built by hand, as numpy writes them), scipy sparse npz, gzip CSV.</summary>
internal static class DatasetFixtureWriter
{
    /// <summary>The bytes of an .npy file: magic, version, padded header dict, raw data.</summary>
    public static byte[] Npy(string descr, long[] shape, ReadOnlySpan<byte> data, bool fortran = false, int version = 1, string? headerOverride = null)
    {
        var shapeText = shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
        var dict = headerOverride ?? $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shapeText}, }}";
        var prefix = version == 1 ? 10 : 12;
        var total = prefix + dict.Length + 1;
        var padding = (64 - total % 64) % 64;
        var header = dict + new string(' ', padding) + "\n";
        using var stream = new MemoryStream();
        stream.WriteByte(0x93);
        stream.Write("NUMPY"u8);
        stream.WriteByte((byte)version);
        stream.WriteByte(0);
        if (version == 1)
            stream.Write(BitConverter.GetBytes((ushort)header.Length));
        else
            stream.Write(BitConverter.GetBytes((uint)header.Length));
        stream.Write(Encoding.Latin1.GetBytes(header));
        stream.Write(data);
        return stream.ToArray();
    }

    public static byte[] Npy(float[] values, params long[] shape) => Npy("<f4", shape, MemoryMarshal.AsBytes(values.AsSpan()));

    public static byte[] Npy(double[] values, params long[] shape) => Npy("<f8", shape, MemoryMarshal.AsBytes(values.AsSpan()));

    public static byte[] Npy(int[] values, params long[] shape) => Npy("<i4", shape, MemoryMarshal.AsBytes(values.AsSpan()));

    public static byte[] Npy(long[] values, params long[] shape) => Npy("<i8", shape, MemoryMarshal.AsBytes(values.AsSpan()));

    /// <summary>A 0-d unicode string array, as numpy saves <c>np.array('csr')</c>.</summary>
    public static byte[] NpyUnicode(string text) => Npy($"<U{text.Length}", [], Encoding.UTF32.GetBytes(text));

    /// <summary>A 0-d byte string array (<c>|S</c>), as older scipy saves the format.</summary>
    public static byte[] NpyBytes(string text) => Npy($"|S{text.Length}", [], Encoding.ASCII.GetBytes(text));

    /// <summary>Writes an npz: a zip of NAME.npy entries.</summary>
    public static void Npz(string path, IReadOnlyDictionary<string, byte[]> arrays, bool compressed = false)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in arrays)
        {
            var entry = zip.CreateEntry(name + ".npy", compressed ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            using var stream = entry.Open();
            stream.Write(bytes);
        }
    }

    /// <summary>scipy.sparse.save_npz of an n×n CSR matrix (int32 indices, float32 data of ones).</summary>
    public static void ScipyCsr(string path, int n, int[] indptr, int[] indices, string format = "csr", bool bytesFormat = false) =>
        Npz(path, new Dictionary<string, byte[]>
        {
            ["indices"] = Npy(indices, indices.Length),
            ["indptr"] = Npy(indptr, indptr.Length),
            ["format"] = bytesFormat ? NpyBytes(format) : NpyUnicode(format),
            ["shape"] = Npy(new long[] { n, n }, 2),
            ["data"] = Npy(Enumerable.Repeat(1f, indices.Length).ToArray(), indices.Length),
        });

    /// <summary>scipy.sparse.save_npz of an n×n COO matrix.</summary>
    public static void ScipyCoo(string path, int n, int[] row, int[] col) =>
        Npz(path, new Dictionary<string, byte[]>
        {
            ["row"] = Npy(row, row.Length),
            ["col"] = Npy(col, col.Length),
            ["format"] = NpyUnicode("coo"),
            ["shape"] = Npy(new long[] { n, n }, 2),
            ["data"] = Npy(Enumerable.Repeat(1.0, row.Length).ToArray(), row.Length),
        }, compressed: true);

    /// <summary>Writes lines as a gzip-compressed CSV file, creating the folder.</summary>
    public static void GzipCsv(string path, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var line in lines)
            writer.WriteLine(line);
    }

    /// <summary>The row-major adjacency of a graph as sorted (row, column) pairs.</summary>
    public static List<(int Row, int Column)> Edges(MaxK.Graphs.CsrGraph graph)
    {
        var result = new List<(int, int)>();
        for (var r = 0; r < graph.NodeCount; r++)
        {
            for (var e = graph.RowPointers[r]; e < graph.RowPointers[r + 1]; e++)
                result.Add((r, graph.ColumnIndices[e]));
        }
        return result;
    }
}
