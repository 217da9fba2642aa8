using System.Runtime.InteropServices;
using MaxK.Datasets;
using MaxK.Datasets.Numpy;
using static MaxK.Tests.Datasets.DatasetFixtureWriter;

namespace MaxK.Tests.Datasets;

public sealed class NpyReaderTests
{
    [Fact]
    public void Reads_every_supported_dtype_in_C_order()
    {
        using var scratch = new ScratchFolder();
        void Check(string descr, byte[] data, long[] shape, float[] expected)
        {
            var path = scratch.File(descr.Replace('<', 'l').Replace('|', 'p') + ".npy");
            File.WriteAllBytes(path, Npy(descr, shape, data));
            var array = NpyReader.ReadNpy(path);
            Assert.Equal(descr, array.Descr);
            Assert.Equal(shape, array.Shape);
            Assert.Equal(expected, array.ToFloat32());
        }
        Check("<f4", MemoryMarshal.AsBytes(new[] { 1.5f, -2f, 3f, 4f, 5f, 6f }.AsSpan()).ToArray(), [2, 3], [1.5f, -2f, 3f, 4f, 5f, 6f]);
        Check("<f8", MemoryMarshal.AsBytes(new[] { 0.25, -1e3 }.AsSpan()).ToArray(), [2], [0.25f, -1000f]);
        Check("<i4", MemoryMarshal.AsBytes(new[] { -7, 8, 9 }.AsSpan()).ToArray(), [3, 1], [-7, 8, 9]);
        Check("<i8", MemoryMarshal.AsBytes(new[] { 5L, -6L }.AsSpan()).ToArray(), [1, 2], [5, -6]);
        Check("|u1", [0, 200, 255], [3], [0, 200, 255]);
        Check("|b1", [1, 0, 1, 1], [2, 2], [1, 0, 1, 1]);
        Check("<u2", MemoryMarshal.AsBytes(new ushort[] { 65535, 2 }.AsSpan()).ToArray(), [2], [65535, 2]);
    }

    [Fact]
    public void Reads_version_2_headers_and_integer_conversions()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("v2.npy");
        File.WriteAllBytes(path, Npy("<i8", [2, 2], MemoryMarshal.AsBytes(new long[] { 1, 2, 3, 4 }.AsSpan()), version: 2));
        var array = NpyReader.ReadNpy(path);
        Assert.Equal([1, 2, 3, 4], array.ToInt32("x"));
        Assert.Equal([1L, 2, 3, 4], array.ToInt64("x"));
        Assert.Equal(2, array.Rank);

        var wide = scratch.File("wide.npy");
        File.WriteAllBytes(wide, Npy(new long[] { 1, 1L << 40 }, 2));
        var ex = Assert.Throws<CorruptDatasetException>(() => NpyReader.ReadNpy(wide).ToInt32("indices"));
        Assert.Contains("indices[1] = 1099511627776 does not fit in int32", ex.Message);
        Assert.Equal(wide, ex.Path);
    }

    [Fact]
    public void Rejects_fortran_order_with_a_clear_message()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("f.npy");
        File.WriteAllBytes(path, Npy("<f4", [2, 2], new byte[16], fortran: true));
        var ex = Assert.Throws<CorruptDatasetException>(() => NpyReader.ReadNpy(path));
        Assert.Equal(path, ex.Path);
        Assert.Contains("Fortran", ex.Message);
    }

    [Fact]
    public void Truncated_data_bad_magic_bad_header_and_unsupported_dtypes_name_the_file()
    {
        using var scratch = new ScratchFolder();
        var truncated = scratch.File("truncated.npy");
        File.WriteAllBytes(truncated, Npy("<f4", [4, 4], new byte[60]));
        var ex = Assert.Throws<CorruptDatasetException>(() => NpyReader.ReadNpy(truncated));
        Assert.Equal(truncated, ex.Path);
        Assert.Contains("truncated data", ex.Message);
        Assert.Contains("64 bytes, found 60", ex.Message);

        var magic = scratch.File("magic.npy");
        File.WriteAllBytes(magic, "PK\x03\x04notnumpy"u8.ToArray());
        Assert.Contains("magic", Assert.Throws<CorruptDatasetException>(() => NpyReader.ReadNpy(magic)).Message);

        var shortFile = scratch.File("short.npy");
        File.WriteAllBytes(shortFile, [0x93, (byte)'N']);
        Assert.Contains("truncated", Assert.Throws<CorruptDatasetException>(() => NpyReader.ReadNpy(shortFile)).Message);

        var header = scratch.File("header.npy");
        File.WriteAllBytes(header, Npy("<f4", [1], new byte[4], headerOverride: "{'descr': '<f4', 'fortran_order': False, }"));
        Assert.Contains("bad npy header", Assert.Throws<CorruptDatasetException>(() => NpyReader.ReadNpy(header)).Message);

        var bigEndian = scratch.File("be.npy");
        File.WriteAllBytes(bigEndian, Npy(">f4", [1], new byte[4]));
        Assert.Contains("big-endian", Assert.Throws<CorruptDatasetException>(() => NpyReader.ReadNpy(bigEndian)).Message);

        var complex = scratch.File("c.npy");
        File.WriteAllBytes(complex, Npy("<c8", [1], new byte[8]));
        Assert.Contains("unsupported dtype", Assert.Throws<CorruptDatasetException>(() => NpyReader.ReadNpy(complex)).Message);

        var missing = scratch.File("missing.npy");
        var notFound = Assert.Throws<DatasetNotFoundException>(() => NpyReader.ReadNpy(missing));
        Assert.Equal(["missing.npy"], notFound.MissingFiles);
    }

    [Fact]
    public void Npz_entries_stored_or_deflated_and_missing_keys_are_reported()
    {
        using var scratch = new ScratchFolder();
        foreach (var compressed in new[] { false, true })
        {
            var path = scratch.File($"a{compressed}.npz");
            Npz(path, new Dictionary<string, byte[]> { ["x"] = Npy(new[] { 1f, 2f }, 2), ["y"] = Npy(new[] { 3, 4, 5 }, 3) }, compressed);
            var npz = NpyReader.ReadNpz(path);
            Assert.Equal([1f, 2f], npz["x"].ToFloat32());
            Assert.Equal([3, 4, 5], npz["y"].ToInt32("y"));
            var ex = Assert.Throws<CorruptDatasetException>(() => NpyReader.Require(npz, path, "z"));
            Assert.Contains("missing array 'z' (has: x, y)", ex.Message);
            Assert.Throws<CorruptDatasetException>(() => npz["x"].ToInt32("x"));
        }
        var notZip = scratch.File("bad.npz");
        File.WriteAllBytes(notZip, new byte[100]);
        Assert.Equal(notZip, Assert.Throws<CorruptDatasetException>(() => NpyReader.ReadNpz(notZip)).Path);

        var truncatedEntry = scratch.File("t.npz");
        Npz(truncatedEntry, new Dictionary<string, byte[]> { ["x"] = Npy("<f4", [3], new byte[8]) });
        var entryEx = Assert.Throws<CorruptDatasetException>(() => NpyReader.ReadNpz(truncatedEntry));
        Assert.Equal(truncatedEntry, entryEx.Path);
        Assert.Contains("x.npy", entryEx.Message);
    }

    [Fact]
    public void Scipy_csr_csc_and_coo_give_the_matrix_rows()
    {
        using var scratch = new ScratchFolder();
        // A = [[0,1,1],[0,0,1],[1,0,0]]: 0→1, 0→2, 1→2, 2→0.
        var csr = scratch.File("csr.npz");
        ScipyCsr(csr, 3, [0, 2, 3, 4], [1, 2, 2, 0]);
        var csrBytes = scratch.File("csr-bytes.npz");
        ScipyCsr(csrBytes, 3, [0, 2, 3, 4], [1, 2, 2, 0], bytesFormat: true);
        // CSC of the same A: column 0 has row 2; column 1 row 0; column 2 rows 0, 1.
        var csc = scratch.File("csc.npz");
        ScipyCsr(csc, 3, [0, 1, 2, 4], [2, 0, 0, 1], format: "csc");
        var coo = scratch.File("coo.npz");
        ScipyCoo(coo, 3, [2, 0, 1, 0], [0, 2, 2, 1]);
        List<(int, int)> expected = [(0, 1), (0, 2), (1, 2), (2, 0)];
        foreach (var path in new[] { csr, csrBytes, csc, coo })
        {
            var graph = MaxK.Graphs.GraphOps.SortAndDeduplicate(ScipySparseReader.ReadGraph(path));
            Assert.Equal(expected, Edges(graph));
            Assert.False(graph.IsWeighted);
        }
    }

    [Fact]
    public void Scipy_errors_name_the_file()
    {
        using var scratch = new ScratchFolder();
        var badIndptr = scratch.File("indptr.npz");
        ScipyCsr(badIndptr, 3, [0, 2, 4], [1, 2, 2, 0]);
        var ex = Assert.Throws<CorruptDatasetException>(() => ScipySparseReader.ReadGraph(badIndptr));
        Assert.Equal(badIndptr, ex.Path);
        Assert.Contains("indptr", ex.Message);

        var outOfRange = scratch.File("range.npz");
        ScipyCsr(outOfRange, 3, [0, 2, 3, 4], [1, 7, 2, 0]);
        Assert.Equal(outOfRange, Assert.Throws<CorruptDatasetException>(() => ScipySparseReader.ReadGraph(outOfRange)).Path);

        var nonSquare = scratch.File("rect.npz");
        Npz(nonSquare, new Dictionary<string, byte[]>
        {
            ["indices"] = Npy(new[] { 0 }, 1), ["indptr"] = Npy(new[] { 0, 1 }, 2), ["format"] = NpyUnicode("csr"),
            ["shape"] = Npy(new long[] { 1, 2 }, 2), ["data"] = Npy(new[] { 1f }, 1),
        });
        Assert.Contains("square", Assert.Throws<CorruptDatasetException>(() => ScipySparseReader.ReadGraph(nonSquare)).Message);

        var bsr = scratch.File("bsr.npz");
        ScipyCsr(bsr, 3, [0, 2, 3, 4], [1, 2, 2, 0], format: "bsr");
        Assert.Contains("unsupported sparse format 'bsr'", Assert.Throws<CorruptDatasetException>(() => ScipySparseReader.ReadGraph(bsr)).Message);

        var cooBad = scratch.File("coo-bad.npz");
        ScipyCoo(cooBad, 3, [0, 5], [1, 1]);
        Assert.Equal(cooBad, Assert.Throws<CorruptDatasetException>(() => ScipySparseReader.ReadGraph(cooBad)).Path);
    }
}
