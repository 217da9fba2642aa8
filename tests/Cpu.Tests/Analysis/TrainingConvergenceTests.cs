using MaxK.Harness.Analysis;
using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;

namespace MaxK.Tests.Analysis;

/// <summary>The rules that mark a training run unconverged (numbers in the shape of the committed H200 runs).</summary>
public class TrainingConvergenceTests
{
    private static TrainingRecord Run(int epochs, double test, double[]? curve = null, int? bestEpoch = null, int classes = 41, string metric = "accuracy") => new()
    {
        Id = "r", Dataset = "csbm-reddit", DatasetSynthetic = true, DatasetLabel = "l", Nodes = 1, Edges = 1, Features = 1, Classes = classes, Model = "sage",
        Nonlinearity = "maxk", K = 16, Hidden = 256, Layers = 3, Epochs = epochs, Seed = 1, Device = "cuda", Backend = "maxk", Implementation = "maxk-bench",
        Metric = metric, TestAccuracy = test, BestValAccuracy = curve?.Max() ?? test, ValCurve = curve, BestEpoch = bestEpoch, Verified = true, VerificationReference = "r",
    };

    private static double[] Rising(int n, double from, double to) => [.. Enumerable.Range(0, n).Select(i => from + ((to - from) * i / (n - 1)))];

    [Fact]
    public void TimingRunsHaveNoAccuracyToCompare() => Assert.Equal(ConvergenceStatus.TimingOnly, TrainingConvergence.Of(Run(13, 0.02)));

    [Fact]
    public void AReluRunAtChanceIsNearChance() =>
        Assert.Equal(ConvergenceStatus.NearChance, TrainingConvergence.Of(Run(200, 0.0244, [.. Enumerable.Repeat(0.022, 195), 0.0258, 0.022, 0.022, 0.022, 0.022])));

    [Fact]
    public void ARunStillRisingInItsLastTenthIsStillImproving()
    {
        // csbm-reddit-h30 MaxK k = 16 after 300 epochs: best of the first 270 epochs 0.853, then 0.906 at the end.
        var curve = Rising(300, 0.3, 0.853).Take(270).Concat(Rising(30, 0.80, 0.906)).ToArray();
        Assert.Equal(ConvergenceStatus.StillImproving, TrainingConvergence.Of(Run(300, 0.9098, curve)));
        Assert.Equal("unconverged: still improving at epoch 300", TrainingConvergence.Describe(Run(300, 0.9098, curve)));
        // Without a curve, a best epoch in the last 5 % counts as still rising.
        Assert.Equal(ConvergenceStatus.StillImproving, TrainingConvergence.Of(Run(300, 0.9, bestEpoch: 299)));
    }

    [Fact]
    public void AFlatOrFallingTailIsConverged()
    {
        var curve = Rising(200, 0.3, 0.997).Concat(Enumerable.Repeat(0.996, 100)).ToArray();
        Assert.Equal(ConvergenceStatus.Converged, TrainingConvergence.Of(Run(300, 0.9961, curve)));
        // 1,000 epochs whose loss blew up near the end: the best-validation epoch (775) is final.
        var blown = Rising(775, 0.3, 0.993).Concat(Rising(225, 0.99, 0.62)).ToArray();
        Assert.Equal(ConvergenceStatus.Converged, TrainingConvergence.Of(Run(1000, 0.9937, blown)));
        Assert.Equal(ConvergenceStatus.Converged, TrainingConvergence.Of(Run(300, 0.78, bestEpoch: 120, classes: 2, metric: "roc_auc")));
    }
}
