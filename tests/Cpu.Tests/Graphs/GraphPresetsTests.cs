using MaxK.Graphs.Synthetic;

namespace MaxK.Tests.Graphs;

public class GraphPresetsTests
{
    /// <summary>Design §5.2, the paper's 24 kernel-benchmark graphs (name, nodes, edges).</summary>
    public static TheoryData<string, int, long> KernelGraphs => new()
    {
        { "am", 881_680, 5_668_682 }, { "amazon0505", 410_236, 4_878_874 }, { "amazon0601", 403_394, 5_478_357 },
        { "artist", 50_515, 1_638_396 }, { "citation", 2_927_963, 30_387_995 }, { "collab", 235_868, 2_358_104 },
        { "com-amazon", 334_863, 1_851_744 }, { "DD", 334_925, 1_686_092 }, { "ddi", 4_267, 2_135_822 },
        { "Flickr", 89_250, 989_006 }, { "ogbn-arxiv", 169_343, 1_166_243 }, { "ogbn-products", 2_449_029, 123_718_280 },
        { "ogbn-proteins", 132_534, 79_122_504 }, { "OVCAR-8H", 1_889_542, 3_946_402 }, { "ppa", 576_289, 42_463_862 },
        { "PROTEINS_full", 43_466, 162_088 }, { "pubmed", 19_717, 99_203 }, { "ppi", 56_944, 818_716 },
        { "Reddit", 232_965, 114_615_891 }, { "SW-620H", 1_888_584, 3_944_206 }, { "TWITTER-Partial", 580_768, 1_435_116 },
        { "Yeast", 1_710_902, 3_636_546 }, { "Yelp", 716_847, 13_954_819 }, { "youtube", 1_138_499, 5_980_886 },
    };

    /// <summary>Design §5.1, the training datasets (name, nodes, edges).</summary>
    public static TheoryData<string, int, long> TrainingDatasets => new()
    {
        { "reddit", 232_965, 114_615_892 }, { "flickr", 89_250, 899_756 }, { "yelp", 716_847, 13_954_819 },
        { "ogbn-arxiv", 169_343, 1_166_243 }, { "ogbn-products", 2_449_029, 61_859_140 }, { "ogbn-proteins", 132_534, 39_561_252 },
    };

    [Theory]
    [MemberData(nameof(KernelGraphs))]
    public void KernelGraph_HasExactDesignCounts(string paperName, int nodes, long edges)
    {
        var preset = GraphPresets.Get("kernel-" + paperName);
        Assert.Equal(nodes, preset.Nodes);
        Assert.Equal(edges, preset.Edges);
        Assert.Equal(GraphPresetCategory.KernelBenchmark, preset.Category);
        Assert.Contains(paperName, preset.Source);
    }

    [Fact]
    public void KernelBenchmarks_AreExactlyTheTwentyFour()
    {
        var expected = KernelGraphs.Select(row => "kernel-" + row.Data.Item1).ToHashSet();
        Assert.Equal(24, GraphPresets.KernelBenchmarks.Count);
        Assert.Equal(expected, GraphPresets.KernelBenchmarks.Select(p => p.Name).ToHashSet());
        Assert.Equal(expected, GraphPresets.All.Where(p => p.Category == GraphPresetCategory.KernelBenchmark).Select(p => p.Name).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(TrainingDatasets))]
    public void TrainingDataset_HasDesignCounts(string name, int nodes, long edges)
    {
        var preset = GraphPresets.Get(name);
        Assert.Equal((nodes, edges, GraphPresetCategory.TrainingDataset), (preset.Nodes, preset.Edges, preset.Category));
    }

    [Fact]
    public void RedditBaselines_MatchPlatformNotes()
    {
        var uniform = GraphPresets.Get("reddit-uniform");
        var rmat = GraphPresets.Get("reddit-rmat");
        Assert.Equal((232_965, 114_615_892L, SyntheticGraphKind.Uniform), (uniform.Nodes, uniform.Edges, uniform.Kind));
        Assert.Equal((232_965, 114_615_892L, SyntheticGraphKind.Rmat), (rmat.Nodes, rmat.Edges, rmat.Kind));
        Assert.Equal((0.57, 0.19, 0.19), (rmat.RmatA, rmat.RmatB, rmat.RmatC));
        Assert.Same(GraphPresets.RedditRmat, rmat);
    }

    [Fact]
    public void Labels_SaySyntheticAndGiveTheSize()
    {
        Assert.Equal("reddit (synthetic uniform, 232,965 nodes, 114,615,892 edges)", GraphPresets.Get("reddit").Label);
        Assert.Equal("reddit-rmat (synthetic R-MAT a=0.57 b=0.19 c=0.19, 232,965 nodes, 114,615,892 edges requested before de-duplication)",
            GraphPresets.RedditRmat.Label);
        Assert.All(GraphPresets.All, p =>
        {
            Assert.True(p.IsSynthetic);
            Assert.StartsWith(p.Name + " (synthetic ", p.Label);
            Assert.Equal(p.Label, p.ToString());
        });
    }

    [Fact]
    public void Names_AreUniqueIgnoringCase_AndLookupIgnoresCase()
    {
        Assert.Equal(GraphPresets.All.Count, GraphPresets.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Same(GraphPresets.Get("kernel-OVCAR-8H"), GraphPresets.Get("KERNEL-ovcar-8h"));
        Assert.True(GraphPresets.TryGet("Tiny-Uniform", out var tiny));
        Assert.Same(GraphPresets.TinyUniform, tiny);
        Assert.False(GraphPresets.TryGet("cora", out _));
    }

    [Fact]
    public void UnknownName_ThrowsListingValidNames()
    {
        var e = Assert.Throws<UnknownGraphPresetException>(() => GraphPresets.Get("no-such-graph"));
        Assert.Equal("no-such-graph", e.Name);
        Assert.Contains("no-such-graph", e.Message);
        Assert.All(GraphPresets.Names, name => Assert.Contains(name, e.Message));
        Assert.Equal(GraphPresets.Names, e.ValidNames);
    }

    [Fact]
    public void DenseAndTuGraphs_AreUniform_PowerLawGraphs_AreRmat()
    {
        foreach (var name in new[] { "kernel-Reddit", "kernel-ddi", "kernel-ppa", "kernel-DD", "kernel-Yeast", "reddit" })
            Assert.Equal(SyntheticGraphKind.Uniform, GraphPresets.Get(name).Kind);
        foreach (var name in new[] { "kernel-am", "kernel-youtube", "kernel-pubmed", "flickr", "ogbn-arxiv" })
            Assert.Equal(SyntheticGraphKind.Rmat, GraphPresets.Get(name).Kind);
        Assert.All(GraphPresets.All.Where(p => p.Kind == SyntheticGraphKind.Uniform), p => Assert.Equal(0, p.RmatA));
    }

    [Fact]
    public void TestPresets_GenerateWithTheirGenerators()
    {
        var tiny = GraphPresets.TinyUniform.Generate();
        Assert.Equal((1_000, 20_000), (tiny.NodeCount, tiny.EdgeCount));
        GraphAssertions.SameGraph(UniformRandomGraph.Generate(1_000, 20_000, 42), tiny);

        var small = GraphPresets.SmallRmat.Generate(seed: 5);
        Assert.Equal(20_000, small.NodeCount);
        Assert.InRange(small.EdgeCount, 300_000, 399_999);
        GraphAssertions.SameGraph(RmatGraph.Generate(20_000, 400_000, 0.57, 0.19, 0.19, 5), small);
    }
}
