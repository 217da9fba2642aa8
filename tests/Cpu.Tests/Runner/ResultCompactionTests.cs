using MaxK.Harness.Results;

namespace MaxK.Tests.Runner;

public class ResultCompactionTests
{
    private static TrainingRecord Record(int epochs) => new()
    {
        Id = "t", Dataset = "d", DatasetSynthetic = true, DatasetLabel = "d", Nodes = 1, Edges = 1, Features = 1, Classes = 2, Model = "gcn",
        Nonlinearity = "relu", Hidden = 8, Layers = 1, Epochs = epochs, Seed = 1, Device = "cpu", Backend = "cpu-reference", Implementation = "maxk-bench",
        Metric = "accuracy", Verified = true, VerificationReference = "r",
        EpochMsSamples = [.. Enumerable.Range(0, epochs).Select(i => (double)i)],
        ValCurve = [.. Enumerable.Range(1, epochs).Select(i => (double)i)],
    };

    [Fact]
    public void ShortRunsAreKeptWhole()
    {
        var r = Record(1000);
        Assert.Same(r.EpochMsSamples, ResultCompaction.Compact(r).EpochMsSamples);
        Assert.Same(r.ValCurve, ResultCompaction.Compact(r).ValCurve);
    }

    [Fact]
    public void LongRunsKeepTheFirstSamplesAndAThinnedCurveWithTheLastEpoch()
    {
        var c = ResultCompaction.Compact(Record(3001));
        Assert.Equal(1000, c.EpochMsSamples.Count);
        Assert.Equal(0, c.EpochMsSamples[0]);
        Assert.Equal(3001, c.ValCurve![^1]);
        Assert.Equal(4, c.ValCurve[0]);
        Assert.InRange(c.ValCurve.Count, 700, 1001);
        Assert.Null(ResultCompaction.Compact(Record(3001)).TestCurve);
    }
}
