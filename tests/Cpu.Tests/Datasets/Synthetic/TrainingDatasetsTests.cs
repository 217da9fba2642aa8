using MaxK.Harness;
using MaxK.Harness.Training;

namespace MaxK.Tests.Datasets.Synthetic;

/// <summary>Name resolution of the training datasets: synthetic generation, and clear errors for missing real data.</summary>
public class TrainingDatasetsTests
{
    [Fact]
    public void Names_CoverTheRealAndSyntheticDatasets()
    {
        Assert.Equal(
            ["cora", "citeseer", "pubmed", "reddit", "flickr", "yelp", "ogbn-arxiv", "ogbn-products", "ogbn-proteins",
             "csbm-reddit", "csbm-reddit-h30", "csbm-small", "rmat-reddit", "uniform-reddit"],
            TrainingDatasets.Names);
        Assert.True(TrainingDatasets.IsSynthetic("CSBM-Reddit"));
        Assert.True(TrainingDatasets.IsSynthetic("rmat-reddit"));
        Assert.False(TrainingDatasets.IsSynthetic("reddit"));
        Assert.False(TrainingDatasets.IsSynthetic("cora"));
    }

    [Fact]
    public void CsbmSmall_IsGeneratedWithOneSelfLoopPerNode_AndDependsOnTheSeed()
    {
        var a = TrainingDatasets.Load("csbm-small", dataDir: null, seed: 7);
        var b = TrainingDatasets.Load("csbm-small", dataDir: null, seed: 7);
        var c = TrainingDatasets.Load("csbm-small", dataDir: null, seed: 8);

        Assert.Equal((3_000, 64, 7), (a.NodeCount, a.FeatureCount, a.ClassCount));
        Assert.Equal(a.Structure.ColumnIndices, b.Structure.ColumnIndices);
        Assert.Equal(a.Features, b.Features);
        Assert.NotEqual(a.Features, c.Features);
        for (var r = 0; r < a.NodeCount; r++)
            Assert.Equal(1, a.Structure.ColumnIndices[a.Structure.RowPointers[r]..a.Structure.RowPointers[r + 1]].Count(col => col == r));
        Assert.Contains("synthetic CSBM", a.Label);
        Assert.Equal("accuracy", a.Metric.ToString().ToLowerInvariant());
    }

    [Fact]
    public void UnknownName_IsAHarnessErrorListingTheNames()
    {
        var e = Assert.Throws<HarnessException>(() => TrainingDatasets.Load("nosuch", null, 1));
        Assert.Contains("csbm-reddit", e.Message);
    }

    [Theory]
    [InlineData("reddit")]
    [InlineData("yelp")]
    [InlineData("ogbn-proteins")]
    public void MissingRealData_NamesTheFolderAndTheFetchCommand(string name)
    {
        using var scratch = new ScratchFolder();
        var e = Assert.Throws<HarnessException>(() => TrainingDatasets.Load(name, scratch.Path, 1));
        Assert.Contains(scratch.Path, e.Message);
        Assert.Contains($"maxk datasets fetch {name}", e.Message);
    }
}
