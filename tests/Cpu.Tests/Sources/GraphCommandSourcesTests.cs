using MaxK.Datasets;
using MaxK.Graphs;
using MaxK.Graphs.Io;

namespace MaxK.Tests.Sources;

/// <summary>`maxk graph stats|write|import` on every source kind: correct counts, provenance, one-line errors (exit 2).</summary>
public class GraphCommandSourcesTests
{
    [Fact]
    public void Stats_prints_counts_for_edges_csr_and_dir_sources()
    {
        using var scratch = new ScratchFolder();
        var edges = scratch.File("toy.txt");
        File.WriteAllText(edges, "# toy\n1 2\n2 3\n3 1\n1 2\n");
        var (exit, output, error) = Cli.Run("graph", "stats", "--graph", "edges:" + edges);
        Assert.True(exit == 0, error);
        Assert.Contains("nodes=3 edges=6", output, StringComparison.Ordinal);
        Assert.Contains("synthetic: false", output, StringComparison.Ordinal);
        Assert.Contains("sha256 ", output, StringComparison.Ordinal);

        var graphs = Path.Combine(scratch.Path, "graphs");
        RawCsrFiles.Write(graphs, "p4", new CsrGraph(4, [0, 1, 3, 5, 6], [1, 0, 2, 1, 3, 2]));
        RawCsrFiles.Write(graphs, "k2", new CsrGraph(2, [0, 1, 2], [1, 0]));
        (exit, output, error) = Cli.Run("graph", "stats", "--graph", "csr:" + Path.Combine(graphs, "p4"));
        Assert.True(exit == 0, error);
        Assert.Contains("nodes=4 edges=6", output, StringComparison.Ordinal);

        (exit, output, error) = Cli.Run("graph", "stats", "--graph", "dir:" + graphs);
        Assert.True(exit == 0, error);
        Assert.True(output.IndexOf("nodes=2 edges=2", StringComparison.Ordinal) < output.IndexOf("nodes=4 edges=6", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Stats_of_dataset_cora_prints_its_real_counts()
    {
        var planetoid = SharedDatasets.LocatePlanetoid();
        Assert.SkipWhen(planetoid is null, $"No shared Planetoid folder (looked at {SharedDatasets.Describe()}).");
        var (exit, output, error) = Cli.Run("graph", "stats", "--graph", "dataset:cora", "--data-dir", planetoid!);
        Assert.True(exit == 0, error);
        Assert.Contains("nodes=2,708 edges=10,556", output, StringComparison.Ordinal);
        Assert.Contains("ind.cora.graph", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_sources_exit_2_with_one_line()
    {
        using var scratch = new ScratchFolder();
        var edges = scratch.File("bad.txt");
        File.WriteAllText(edges, "1 2\nthree four\n");
        Cli.AssertUserError(Cli.Run("graph", "stats", "--graph", "edges:" + edges), "line 2", "bad.txt");
        Cli.AssertUserError(Cli.Run("graph", "stats", "--graph", "bogus:x"), "unknown source 'bogus:'");
        Cli.AssertUserError(Cli.Run("graph", "stats", "--graph", "dir:" + scratch.Path), "no NAME.indptr/NAME.indices pairs");
        RawCsrFiles.Write(scratch.Path, "g", new CsrGraph(2, [0, 1, 2], [1, 0]));
        File.WriteAllBytes(scratch.File("g.indptr"), [0, 0, 0, 0, 5, 0, 0, 0, 1, 0, 0, 0]);   // not monotone
        Cli.AssertUserError(Cli.Run("graph", "stats", "--graph", "csr:" + scratch.File("g")), "g.indptr' ends at 1 edges");
        Cli.AssertUserError(Cli.Run("graph", "stats", "--graph", "dataset:cora", "--data-dir", ""), "--data-dir is empty");
    }

    [Fact]
    public void Import_writes_any_source_as_csr_files_that_read_back_the_same()
    {
        using var scratch = new ScratchFolder();
        var edges = scratch.File("tri.edges");
        File.WriteAllText(edges, "7 8\n8 9\n9 7\n");
        var output = Path.Combine(scratch.Path, "out");
        var (exit, text, error) = Cli.Run("graph", "import", "edges:" + edges, "--output", output);
        Assert.True(exit == 0, error);
        Assert.Contains("tri", text, StringComparison.Ordinal);
        var read = RawCsrFiles.Read(output, "tri");
        Assert.Equal([0, 2, 4, 6], read.RowPointers);
        Assert.Equal([1, 2, 0, 2, 0, 1], read.ColumnIndices);

        RawCsrFiles.Write(scratch.Path, "w", new CsrGraph(2, [0, 1, 2], [1, 0], [0.5f, 2f]));
        (exit, _, error) = Cli.Run("graph", "import", "csr:" + scratch.File("w"), "--output", output, "--name", "copy");
        Assert.True(exit == 0, error);
        Assert.Equal(File.ReadAllBytes(scratch.File("w.values")), File.ReadAllBytes(Path.Combine(output, "copy.values")));

        (exit, _, error) = Cli.Run("graph", "import", "dir:" + output, "--output", Path.Combine(scratch.Path, "again"));
        Assert.True(exit == 0, error);
        Assert.Equal(["copy.indices", "copy.indptr", "copy.values", "tri.indices", "tri.indptr"],
            Directory.GetFiles(Path.Combine(scratch.Path, "again")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Cli.AssertUserError(Cli.Run("graph", "import", "dir:" + output, "--output", output, "--name", "x"), "--name needs a source naming one graph");

        (exit, _, error) = Cli.Run("graph", "write", "--graph", "tiny-uniform", "--output", output);
        Assert.True(exit == 0, error);
        Assert.Equal((1_000, 20_000), (RawCsrFiles.Read(output, "tiny-uniform").NodeCount, RawCsrFiles.Read(output, "tiny-uniform").EdgeCount));
    }
}
