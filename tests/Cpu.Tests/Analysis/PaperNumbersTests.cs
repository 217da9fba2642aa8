using MaxK.Harness.Paper;
using MaxK.Tests.Site;

namespace MaxK.Tests.Analysis;

/// <summary>site/content/paper-numbers.json is the one copy of the paper's numbers; the harness embeds it for <c>maxk analyze</c>.</summary>
public class PaperNumbersTests
{
    [Fact]
    public void EmbeddedResource_IsTheSiteContentFile_ByteForByte()
    {
        using var stream = typeof(PaperNumbers).Assembly.GetManifestResourceStream(PaperNumbers.ResourceName);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Assert.Equal(File.ReadAllBytes(Path.Combine(SiteTestData.SiteSources, "content", "paper-numbers.json")), copy.ToArray());
    }

    [Fact]
    public void Embedded_GivesTheFiguresTheAnalysisCompares()
    {
        var paper = PaperNumbers.Embedded();
        Assert.Same(paper, PaperNumbers.Embedded());
        Assert.Equal((3.22, 4.24), (paper.EndToEndAt("csbm-reddit", "sage", 16)!.SpeedupVsDgl, paper.EndToEndAt("reddit", "sage", 16)!.SpeedupVsGnnadvisor));
        Assert.Null(paper.EndToEndAt("reddit", "sage", 16)!.DeltaAccuracy);
        Assert.Equal(-0.0037, paper.EndToEndAt("yelp", "sage", 96)!.DeltaAccuracy);
        Assert.Equal((5.52, 7.27), (paper.LimitsFor("uniform-reddit")!.Dgl, paper.LimitsFor("rmat-reddit")!.Gnnadvisor));
        Assert.Equal(1.17, paper.LimitsFor("flickr")!.Dgl);
        Assert.Equal((0.8, 1.2), (paper.KernelAt("kernel-ogbn-arxiv", 64)!.FwdCusparse, paper.KernelAt("kernel-ogbn-arxiv", 64)!.BwdCusparse));
        Assert.Equal("ogbn-products", paper.PaperName("kernel-ogbn-products"));
        Assert.Null(paper.PaperName("kernel-ppa"));
        Assert.Null(paper.KernelAt("kernel-Reddit", 128));
    }

    [Theory]
    [InlineData("dataset:reddit", "reddit", "Reddit")]
    [InlineData("csr:data/kernel/ogbn-proteins", "ogbn-proteins", "ogbn-proteins")]
    [InlineData("kernel-Reddit", "kernel-Reddit", "Reddit")]
    [InlineData("dataset:cora", "cora", null)]
    public void RealGraphsNamedBySourceSpecMapToThePapersGraph(string graph, string bare, string? paper)
    {
        Assert.Equal(bare, PaperNumbers.BareName(graph));
        Assert.Equal(paper, PaperNumbers.Embedded().PaperName(graph));
    }
}
