using System.IO.Compression;
using System.Text;
using MaxK.Graphs;
using MaxK.Sources;

namespace MaxK.Tests.Sources;

/// <summary>SNAP-style edge lists: comments, whitespace, renumbering in sorted id order, symmetrisation and de-duplication.</summary>
public class EdgeListReaderTests
{
    private static int[][] Rows(CsrGraph g) =>
        [.. Enumerable.Range(0, g.NodeCount).Select(r => g.ColumnIndices[g.RowPointers[r]..g.RowPointers[r + 1]])];

    [Fact]
    public void Snap_file_is_renumbered_in_sorted_order_symmetrised_and_deduplicated()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("toy.txt");
        // Ids 10, 20, 30, 7_000_000_000 become 0, 1, 2, 3 whatever the line order; 20 10 repeats 10 20; 30 30 is a self-loop.
        File.WriteAllText(path, "# Directed graph (each unordered pair of nodes is saved once): toy.txt\n" +
                                "# FromNodeId\tToNodeId\n" +
                                "20\t10\n" +
                                "% a KONECT-style comment\n" +
                                "\n" +
                                "10 20 1.5 1234567\n" +
                                "  30   7000000000  \n" +
                                "30\t30\n" +
                                "10\t20\n");
        var g = EdgeListReader.Read(path);
        Assert.Equal(4, g.NodeCount);
        Assert.Equal([[1], [0], [2, 3], [2]], Rows(g));
        Assert.Equal(5, g.EdgeCount);
        Assert.False(g.IsWeighted);
    }

    [Fact]
    public void Gzip_edge_list_is_read()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("g.txt.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            gz.Write(Encoding.UTF8.GetBytes("0 1\n1 2\n"));
        Assert.Equal([[1], [0, 2], [1]], Rows(EdgeListReader.Read(path)));
    }

    [Theory]
    [InlineData("0 1\n1\n", "line 2")]
    [InlineData("0 1\nfoo bar\n", "line 2")]
    [InlineData("0 1\n0,1\n", "line 2")]
    [InlineData("# only a comment\n\n", "no edges")]
    [InlineData("1 99999999999999999999\n", "line 1")]
    public void Malformed_lines_are_a_format_error_naming_the_line(string text, string expected)
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("bad.txt");
        File.WriteAllText(path, text);
        var e = Assert.Throws<FormatException>(() => EdgeListReader.Read(path));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_gzip_is_a_format_error()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("bad.txt.gz");
        File.WriteAllBytes(path, [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]);
        Assert.Throws<FormatException>(() => EdgeListReader.Read(path));
    }
}
