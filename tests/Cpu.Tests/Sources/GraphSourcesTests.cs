using System.Security.Cryptography;
using MaxK.Datasets;
using MaxK.Graphs;
using MaxK.Graphs.Io;
using MaxK.Sources;
using MaxK.Tests.Graphs;
using MaxK.Graphs.Synthetic;

namespace MaxK.Tests.Sources;

/// <summary>The spec grammar and every source kind, with hand-made files, including malformed ones.</summary>
public class GraphSourcesTests
{
    private static CsrGraph Path4(float[]? weights = null) => new(4, [0, 1, 3, 5, 6], [1, 0, 2, 1, 3, 2], weights);

    private static string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [Theory]
    [InlineData("tiny-uniform", GraphSourceKind.Preset, "tiny-uniform")]
    [InlineData("csr:/data/g", GraphSourceKind.Csr, "/data/g")]
    [InlineData("CSR: /data/g ", GraphSourceKind.Csr, "/data/g")]
    [InlineData("dir:/data/graphs", GraphSourceKind.Directory, "/data/graphs")]
    [InlineData("edges:/data/e.txt", GraphSourceKind.EdgeList, "/data/e.txt")]
    [InlineData("dataset:cora", GraphSourceKind.Dataset, "cora")]
    public void Specs_parse(string text, GraphSourceKind kind, string argument)
    {
        var spec = GraphSourceSpec.Parse(text);
        Assert.Equal((kind, argument), (spec.Kind, spec.Argument));
    }

    [Theory]
    [InlineData("", "empty graph spec")]
    [InlineData("   ", "empty graph spec")]
    [InlineData("foo:bar", "unknown source 'foo:'")]
    [InlineData("csr:", "needs DIR/NAME")]
    [InlineData("dir:  ", "needs a folder")]
    [InlineData("csr:/tmp/", "not a folder")]
    public void Bad_specs_are_graph_source_errors(string text, string expected)
    {
        var e = Assert.Throws<GraphSourceException>(() => GraphSources.Load(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.False(e.IsMissing);
    }

    [Fact]
    public void Preset_is_synthetic_and_reads_no_file()
    {
        var loaded = GraphSources.Load("tiny-rmat", new GraphSourceOptions { Seed = 7 });
        Assert.True(loaded.Provenance.Synthetic);
        Assert.Empty(loaded.Provenance.Files);
        Assert.Equal("tiny-rmat", loaded.Name);
        Assert.Contains("seed 7", loaded.Provenance.Label, StringComparison.Ordinal);
        GraphAssertions.SameGraph(GraphPresets.TinyRmat.Generate(7), loaded.Graph);
        var e = Assert.Throws<GraphSourceException>(() => GraphSources.Load("no-such-preset"));
        Assert.Contains("tiny-uniform", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csr_files_load_with_weights_and_their_hashes()
    {
        using var scratch = new ScratchFolder();
        RawCsrFiles.Write(scratch.Path, "g", Path4([1, 2, 3, 4, 5, 6]));
        var loaded = GraphSources.Load("csr:" + scratch.File("g"));
        Assert.False(loaded.Provenance.Synthetic);
        Assert.Equal((4, 6, true), (loaded.Graph.NodeCount, loaded.Graph.EdgeCount, loaded.Graph.IsWeighted));
        Assert.Equal(["g.indptr", "g.indices", "g.values"], loaded.Provenance.Files.Select(f => Path.GetFileName(f.Path)));
        Assert.All(loaded.Provenance.Files, f => Assert.Equal(Sha(f.Path), f.Sha256));
        Assert.Equal(20, loaded.Provenance.Files[0].Bytes);
        Assert.Equal(loaded.Provenance.Files, GraphSources.Load("csr:" + scratch.File("g.indptr")).Provenance.Files);
    }

    [Fact]
    public void Csr_problems_name_the_file()
    {
        using var scratch = new ScratchFolder();
        var missing = Assert.Throws<GraphSourceException>(() => GraphSources.Load("csr:" + scratch.File("absent")));
        Assert.True(missing.IsMissing);
        Assert.Contains(scratch.File("absent.indptr"), missing.Message, StringComparison.Ordinal);

        RawCsrFiles.Write(scratch.Path, "g", Path4());
        File.WriteAllBytes(scratch.File("g.indices"), new byte[7 * 4]);
        var bad = Assert.Throws<GraphSourceException>(() => GraphSources.Load("csr:" + scratch.File("g")));
        Assert.False(bad.IsMissing);
        Assert.Contains("g.indices", bad.Message, StringComparison.Ordinal);
        Assert.Contains("ends at 6 edges", bad.Message, StringComparison.Ordinal);

        File.WriteAllBytes(scratch.File("g.indices"), BitConverter.GetBytes(9).Concat(new byte[5 * 4]).ToArray());
        Assert.Contains("outside [0, 4)", Assert.Throws<GraphSourceException>(() => GraphSources.Load("csr:" + scratch.File("g"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dir_expands_to_every_pair_in_name_order()
    {
        using var scratch = new ScratchFolder();
        RawCsrFiles.Write(scratch.Path, "b", Path4());
        RawCsrFiles.Write(scratch.Path, "a", new CsrGraph(2, [0, 1, 2], [1, 0]));
        File.WriteAllBytes(scratch.File("lonely.indptr"), new byte[4]);   // no .indices: not a graph
        File.WriteAllText(scratch.File("notes.txt"), "x");
        var specs = GraphSources.Expand("dir:" + scratch.Path);
        Assert.Equal(["csr:" + scratch.File("a"), "csr:" + scratch.File("b")], specs);
        Assert.Equal([(2, 2), (4, 6)], GraphSources.LoadAll("dir:" + scratch.Path).Select(g => (g.Graph.NodeCount, g.Graph.EdgeCount)));
        var several = Assert.Throws<GraphSourceException>(() => GraphSources.Load("dir:" + scratch.Path));
        Assert.Contains("names 2 graphs", several.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dir_without_pairs_points_at_a_subfolder_that_has_them()
    {
        using var scratch = new ScratchFolder();
        RawCsrFiles.Write(Path.Combine(scratch.Path, "graphs"), "g", Path4());
        var e = Assert.Throws<GraphSourceException>(() => GraphSources.Expand("dir:" + scratch.Path));
        Assert.Contains("dir:" + Path.Combine(scratch.Path, "graphs"), e.Message, StringComparison.Ordinal);
        Assert.True(Assert.Throws<GraphSourceException>(() => GraphSources.Expand("dir:" + scratch.File("nope"))).IsMissing);
        Assert.Equal("g", GraphSources.Load("dir:" + Path.Combine(scratch.Path, "graphs")).Name);
    }

    [Fact]
    public void Edge_list_source_records_the_file_hash_and_name()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("roadNet-toy.txt");
        File.WriteAllText(path, "# toy\n5 6\n6 7\n");
        var loaded = GraphSources.Load("edges:" + path);
        Assert.Equal("roadNet-toy", loaded.Name);
        Assert.Equal((3, 4), (loaded.Graph.NodeCount, loaded.Graph.EdgeCount));
        Assert.Equal(Sha(path), Assert.Single(loaded.Provenance.Files).Sha256);
        Assert.False(loaded.Provenance.Synthetic);

        File.WriteAllText(path, "5 6\n6\n");
        var e = Assert.Throws<GraphSourceException>(() => GraphSources.Load("edges:" + path));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.True(Assert.Throws<GraphSourceException>(() => GraphSources.Load("edges:" + scratch.File("none.txt"))).IsMissing);
    }

    [Fact]
    public void Dataset_source_loads_real_cora_through_its_loader()
    {
        var planetoid = SharedDatasets.LocatePlanetoid();
        Assert.SkipWhen(planetoid is null, $"No shared Planetoid folder (looked at {SharedDatasets.Describe()}).");
        var loaded = GraphSources.Load("dataset:cora", new GraphSourceOptions { DataDirectory = planetoid });
        Assert.Equal((2_708, 10_556), (loaded.Graph.NodeCount, loaded.Graph.EdgeCount));
        Assert.False(loaded.Provenance.Synthetic);
        Assert.Equal(8, loaded.Provenance.Files.Count);
        var catalog = DatasetCatalog.Get("cora").Sources.ToDictionary(s => s.FileName, s => s.Sha256);
        Assert.All(loaded.Provenance.Files, f => Assert.Equal(catalog[Path.GetFileName(f.Path)], f.Sha256));

        var unknown = Assert.Throws<GraphSourceException>(() => GraphSources.Load("dataset:imagenet"));
        Assert.Contains("citeseer", unknown.Message, StringComparison.Ordinal);
        using var empty = new ScratchFolder();
        Assert.True(Assert.Throws<GraphSourceException>(() => GraphSources.Load("dataset:cora", new GraphSourceOptions { DataDirectory = empty.Path })).IsMissing);
    }
}
