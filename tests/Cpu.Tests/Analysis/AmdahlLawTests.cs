using MaxK.Harness.Analysis;
using MaxK.Harness.Results;

namespace MaxK.Tests.Analysis;

public class AmdahlLawTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 2.0)]
    [InlineData(0.8188, 5.5188)]
    public void Limit_IsOneOverOneMinusP(double p, double expected) => Assert.Equal(expected, AmdahlLaw.Limit(p), 3);

    [Fact]
    public void Prediction_FollowsAmdahl()
    {
        Assert.Equal(1 / (0.4 + (0.6 / 3)), AmdahlLaw.Prediction(0.6, 3), 12);
        Assert.Equal(1.0, AmdahlLaw.Prediction(0.6, 1), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => AmdahlLaw.Prediction(1.2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => AmdahlLaw.Prediction(0.5, 0));
    }

    [Fact]
    public void Link_PairsMaxKWithItsReluBaseline()
    {
        var relu = Record("relu", "cusparse", null, epochMs: 100, aggregationMs: 80);
        var maxk = Record("maxk", "maxk", 16, epochMs: 40, aggregationMs: 20);
        var otherSeed = Record("maxk", "maxk", 32, epochMs: 40, aggregationMs: 20) with { Seed = 2, Id = "other" };
        var linked = TrainingBaselines.Link([relu, maxk, otherSeed]);
        Assert.Null(linked[0].SpeedupBaseline);
        var m = linked[1];
        Assert.Equal(relu.Id, m.SpeedupBaseline);
        Assert.Equal(2.5, m.Speedup!.Value, 12);
        Assert.Equal(4.0, m.KernelSpeedup!.Value, 12);
        Assert.Equal(5.0, m.AmdahlLimit!.Value, 9);
        Assert.Equal(1 / (0.2 + (0.8 / 4)), m.AmdahlPrediction!.Value, 9);
        Assert.Equal(0.5, m.AmdahlAttainment!.Value, 9);
        Assert.Null(linked[2].SpeedupBaseline);
    }

    private static TrainingRecord Record(string nonlinearity, string backend, int? k, double epochMs, double aggregationMs) => new()
    {
        Id = $"train/x/sage/{nonlinearity}{k}/{backend}",
        Dataset = "x", DatasetSynthetic = true, DatasetLabel = "x", Nodes = 10, Edges = 20, Features = 4, Classes = 2,
        Model = "sage", Nonlinearity = nonlinearity, K = k, Hidden = 256, Layers = 3, Epochs = 10, Seed = 1, Device = "cuda",
        Backend = backend, Implementation = "maxk-bench", Metric = "accuracy", Verified = true, VerificationReference = "test",
        EpochMsMedian = epochMs, AggregationMsMedian = aggregationMs, AggregationFraction = aggregationMs / epochMs,
    };
}
