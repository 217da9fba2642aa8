using MaxK.Datasets.Synthetic;
using MaxK.Harness;
using MaxK.Harness.Training;

namespace MaxK.Tests.Datasets.Synthetic;

/// <summary>CSBMs of any size named by their parameters (csbm:key=value,…): parsing, defaults, errors, and generation.</summary>
public class CsbmSpecTests
{
    [Fact]
    public void Parse_ReadsEveryKey_AndNamesTheInstanceByTheSpec()
    {
        var o = CsbmSpec.Parse(" CSBM:nodes=1200, classes=5,degree=12.5,homophily=0.4,features=16,signal=2,scale=0.25 ");

        Assert.Equal((1200, 5, 12.5, 0.4, 16, 2.0, 0.25), (o.Nodes, o.Classes, o.AverageDegree, o.Homophily, o.Features, o.SignalStrength, o.FeatureScale));
        Assert.Equal("csbm:nodes=1200, classes=5,degree=12.5,homophily=0.4,features=16,signal=2,scale=0.25", o.Name);
        Assert.Equal(SplitFractions.Reddit, o.Split);
    }

    [Fact]
    public void Parse_TakesCsbmReddit_ForTheKeysLeftOut()
    {
        var o = CsbmSpec.Parse("csbm:nodes=500");
        var r = CsbmPresets.Reddit;

        Assert.Equal(500, o.Nodes);
        Assert.Equal((r.Classes, r.AverageDegree, r.Homophily, r.Features, r.SignalStrength, r.FeatureScale),
            (o.Classes, o.AverageDegree, o.Homophily, o.Features, o.SignalStrength, o.FeatureScale));
    }

    [Theory]
    [InlineData("csbm:nodes=10,colour=3", "colour=3")]
    [InlineData("csbm:nodes", "'nodes'")]
    [InlineData("csbm:nodes=ten", "'nodes' is not a number")]
    [InlineData("csbm:nodes=10,nodes=20", "'nodes' is given twice")]
    [InlineData("csbm:nodes=10.5", "whole number")]
    [InlineData("csbm:nodes=100,classes=4,homophily=1.5", "homophily")]
    [InlineData("csbm:nodes=100,classes=4,scale=0", "feature scale")]
    [InlineData("csbm-reddit", "not a CSBM spec")]
    public void Parse_RejectsBadSpecs_NamingTheProblem(string spec, string expected)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => CsbmSpec.Parse(spec));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void TrainingDatasets_GeneratesASpec_AsASyntheticDataset()
    {
        const string spec = "csbm:nodes=300,classes=3,degree=8,homophily=0.5,features=12,signal=1";
        var data = TrainingDatasets.Load(spec, dataDir: null, seed: 3);

        Assert.True(TrainingDatasets.IsSynthetic(spec));
        Assert.Equal((300, 12, 3), (data.NodeCount, data.FeatureCount, data.ClassCount));
        Assert.Contains("homophily 0.5", data.Label);
    }

    [Fact]
    public void DatasetDefaults_OfASpec_AreCsbmReddits()
    {
        Assert.Same(MaxK.Training.DatasetDefaults.Known["csbm-reddit"], MaxK.Training.DatasetDefaults.For("csbm:nodes=1000,homophily=0.3"));
        Assert.Same(MaxK.Training.DatasetDefaults.Paper, MaxK.Training.DatasetDefaults.For("no-such-dataset"));
    }

    [Fact]
    public void TrainingDatasets_ReportsABadSpec_AsAHarnessError()
    {
        var e = Assert.Throws<HarnessException>(() => TrainingDatasets.Load("csbm:nodes=1", dataDir: null, seed: 3));
        Assert.Contains("nodes must be at least 2", e.Message);
    }

    [Fact]
    public void FeatureScale_MultipliesEveryFeature_AndLeavesGraphAndLabelsAlone()
    {
        var plain = CsbmGenerator.Generate(CsbmSpec.Parse("csbm:nodes=200,classes=4,degree=6,features=8"), seed: 5);
        var scaled = CsbmGenerator.Generate(CsbmSpec.Parse("csbm:nodes=200,classes=4,degree=6,features=8,scale=0.5"), seed: 5);

        Assert.Equal(plain.Labels, scaled.Labels);
        Assert.Equal(plain.Graph.ColumnIndices, scaled.Graph.ColumnIndices);
        for (var i = 0; i < plain.Features.Length; i++)
            Assert.Equal(plain.Features[i] * 0.5f, scaled.Features[i], 1e-6f);
    }
}
