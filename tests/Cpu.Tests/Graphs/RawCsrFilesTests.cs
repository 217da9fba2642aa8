using MaxK.Graphs;
using MaxK.Graphs.Io;
using MaxK.Graphs.Synthetic;

namespace MaxK.Tests.Graphs;

public class RawCsrFilesTests
{
    // 4 nodes, row 2 empty: 0→{1,3}, 1→{0}, 3→{0,1,2}.
    private static CsrGraph Small(float[]? weights = null) => new(4, [0, 2, 3, 3, 6], [1, 3, 0, 0, 1, 2], weights);

    [Fact]
    public void Unweighted_RoundTrips_WithoutValuesFile()
    {
        using var folder = new ScratchFolder();
        RawCsrFiles.Write(folder.Path, "g", Small());

        var read = RawCsrFiles.Read(folder.Path, "g");

        GraphAssertions.SameGraph(Small(), read);
        Assert.False(read.IsWeighted);
        Assert.False(File.Exists(RawCsrFiles.EdgeWeightsPath(folder.Path, "g")));
        Assert.True(RawCsrFiles.Exists(folder.Path, "g"));
        Assert.Equal(["g.indices", "g.indptr"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Weighted_RoundTrips()
    {
        using var folder = new ScratchFolder();
        var graph = Small([0.5f, -1.25f, 3f, 1e-7f, 2f, 1f]);
        RawCsrFiles.Write(folder.Path, "w", graph);
        GraphAssertions.SameGraph(graph, RawCsrFiles.Read(folder.Path, "w"));
    }

    [Fact]
    public void Files_AreRawLittleEndianInt32AndFloat32()
    {
        using var folder = new ScratchFolder();
        // 257 nodes so that column 256 (bytes 00 01 00 00) is valid; rows 2..256 are empty.
        int[] rowPointers = [0, 1, .. Enumerable.Repeat(2, 256)];
        RawCsrFiles.Write(folder.Path, "g", new CsrGraph(257, rowPointers, [1, 256], [1f, -2f]));

        var indptr = File.ReadAllBytes(RawCsrFiles.RowPointersPath(folder.Path, "g"));
        Assert.Equal(258 * 4, indptr.Length);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0 }, indptr[..12]);
        Assert.Equal(new byte[] { 1, 0, 0, 0, 0, 1, 0, 0 }, File.ReadAllBytes(RawCsrFiles.ColumnIndicesPath(folder.Path, "g")));
        Assert.Equal(new byte[] { 0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0 }, File.ReadAllBytes(RawCsrFiles.EdgeWeightsPath(folder.Path, "g")));
    }

    [Fact]
    public void RewritingUnweighted_RemovesStaleValues_AndLeavesNoTempFiles()
    {
        using var folder = new ScratchFolder();
        RawCsrFiles.Write(folder.Path, "g", Small([1, 2, 3, 4, 5, 6]));
        RawCsrFiles.Write(folder.Path, "g", Small());

        Assert.False(RawCsrFiles.Read(folder.Path, "g").IsWeighted);
        Assert.Equal(2, Directory.GetFiles(folder.Path).Length);
    }

    [Fact]
    public void LargeGraph_RoundTripsAcrossReadBlocks()
    {
        // 5 M column indices = 20 MB, more than one 4 Mi-element read block.
        using var folder = new ScratchFolder();
        var graph = UniformRandomGraph.Generate(50_000, 5_000_000, seed: 1);
        RawCsrFiles.Write(folder.Path, "big", graph);
        GraphAssertions.SameGraph(graph, RawCsrFiles.Read(folder.Path, "big"));
    }

    [Fact]
    public void MissingFiles_ThrowFileNotFoundNamingThePath()
    {
        using var folder = new ScratchFolder();
        var indptr = RawCsrFiles.RowPointersPath(folder.Path, "g");
        var e = Assert.Throws<FileNotFoundException>(() => RawCsrFiles.Read(folder.Path, "g"));
        Assert.Equal(indptr, e.FileName);
        Assert.Contains(indptr, e.Message);

        RawCsrFiles.Write(folder.Path, "g", Small());
        var indices = RawCsrFiles.ColumnIndicesPath(folder.Path, "g");
        File.Delete(indices);
        Assert.Equal(indices, Assert.Throws<FileNotFoundException>(() => RawCsrFiles.Read(folder.Path, "g")).FileName);

        var missingFolder = Path.Combine(folder.Path, "absent");
        Assert.Equal(RawCsrFiles.RowPointersPath(missingFolder, "g"),
            Assert.Throws<FileNotFoundException>(() => RawCsrFiles.Read(missingFolder, "g")).FileName);
    }

    [Theory]
    [InlineData(".indptr", 7)]
    [InlineData(".indices", 2)]
    [InlineData(".values", 1)]
    public void LengthNotMultipleOfFour_IsCorrupt(string extension, int extraBytes)
    {
        using var folder = new ScratchFolder();
        RawCsrFiles.Write(folder.Path, "g", Small([1, 2, 3, 4, 5, 6]));
        var path = folder.File("g" + extension);
        using (var stream = new FileStream(path, FileMode.Append))
            stream.Write(new byte[extraBytes]);

        var e = Assert.Throws<CorruptGraphFileException>(() => RawCsrFiles.Read(folder.Path, "g"));
        Assert.Equal(path, e.Path);
        Assert.Contains(path, e.Message);
        Assert.Contains("multiple of 4", e.Message);
    }

    [Fact]
    public void EmptyRowPointers_AreCorrupt()
    {
        using var folder = new ScratchFolder();
        RawCsrFiles.Write(folder.Path, "g", Small());
        File.WriteAllBytes(folder.File("g.indptr"), []);
        Assert.Equal(folder.File("g.indptr"), Assert.Throws<CorruptGraphFileException>(() => RawCsrFiles.Read(folder.Path, "g")).Path);
    }

    [Fact]
    public void ValuesOfWrongLength_AreCorrupt()
    {
        using var folder = new ScratchFolder();
        RawCsrFiles.Write(folder.Path, "g", Small());
        File.WriteAllBytes(folder.File("g.values"), new byte[5 * 4]);
        var e = Assert.Throws<CorruptGraphFileException>(() => RawCsrFiles.Read(folder.Path, "g"));
        Assert.Equal(folder.File("g.values"), e.Path);
        Assert.Contains("5 weights but 6 column indices", e.Message);
    }

    [Fact]
    public void InconsistentArrays_FailCsrValidation()
    {
        using var folder = new ScratchFolder();
        RawCsrFiles.Write(folder.Path, "g", Small());
        File.WriteAllBytes(folder.File("g.indices"), new byte[5 * 4]);           // indptr ends at 6: refused from the length, before reading
        Assert.Contains("ends at 6 edges", Assert.Throws<CorruptGraphFileException>(() => RawCsrFiles.Read(folder.Path, "g")).Message);

        File.WriteAllBytes(folder.File("g.indices"), BitConverter.GetBytes(9).Concat(new byte[5 * 4]).ToArray());
        Assert.Throws<ColumnIndexOutOfRangeException>(() => RawCsrFiles.Read(folder.Path, "g"));  // column 9 ≥ N = 4
    }

    [Fact]
    public void SingleZeroRowPointer_IsTheEmptyGraph()
    {
        using var folder = new ScratchFolder();
        RawCsrFiles.Write(folder.Path, "e", new CsrGraph(0, [0], []));
        var read = RawCsrFiles.Read(folder.Path, "e");
        Assert.Equal((0, 0), (read.NodeCount, read.EdgeCount));
    }

    [Fact]
    public void IndicesOfTheWrongLength_AreRefusedFromTheirLengthWithoutReading()
    {
        // A 1,000-node index ending at 5,000 edges beside a 64 MiB (sparse) .indices file: c08d25c read all of it, then
        // failed CSR validation (6 GB read for a 6 GB file); now the length alone refuses it, naming both files.
        using var folder = new ScratchFolder();
        var pointers = Enumerable.Range(0, 1_001).Select(r => r * 5).ToArray();
        File.WriteAllBytes(folder.File("g.indptr"), pointers.SelectMany(BitConverter.GetBytes).ToArray());
        using (var stream = new FileStream(folder.File("g.indices"), FileMode.Create))
            stream.SetLength(64L << 20);
        var e = Assert.Throws<CorruptGraphFileException>(() => RawCsrFiles.Read(folder.Path, "g"));
        Assert.Equal(folder.File("g.indices"), e.Path);
        Assert.Contains("16,777,216 elements", e.Message);
        Assert.Contains("ends at 5,000 edges", e.Message);
        Assert.Contains("not reading it", e.Message);
        Assert.Equal(e.Message, Assert.Throws<CorruptGraphFileException>(() => RawCsrFiles.ReadShape(folder.Path, "g")).Message);
    }

    [Fact]
    public void ReadShape_GivesNodesAndEdgesFromTheLengthsAndTheEnds()
    {
        using var folder = new ScratchFolder();
        RawCsrFiles.Write(folder.Path, "g", Small());
        Assert.Equal((4, 6L), RawCsrFiles.ReadShape(folder.Path, "g"));
        File.WriteAllBytes(folder.File("g.indptr"), [1, 0, 0, 0, 6, 0, 0, 0]);
        Assert.Contains("first row pointer is 1", Assert.Throws<CorruptGraphFileException>(() => RawCsrFiles.ReadShape(folder.Path, "g")).Message);
        File.WriteAllBytes(folder.File("g.indptr"), []);
        Assert.Throws<CorruptGraphFileException>(() => RawCsrFiles.ReadShape(folder.Path, "g"));
    }
}
