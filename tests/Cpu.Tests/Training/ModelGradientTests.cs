using MaxK.Training;
using MaxK.Training.Aggregation;
using MaxK.Training.Models;
using TorchSharp;
using static MaxK.Tests.Training.TrainingFixtures;
using static TorchSharp.torch;

namespace MaxK.Tests.Training;

/// <summary>
/// Whole models on the CPU reference backend against the same models on torch's dense autograd (dense A,
/// top-k mask): logits, the gradient of the input and of every parameter, in training mode with dropout.
/// </summary>
[Collection(TorchGeneratorCollection.Name)]
public class ModelGradientTests
{
    private const double Tolerance = 1e-4;

    [Theory]
    [InlineData(GnnArchitecture.Sage, Nonlinearity.Relu)]
    [InlineData(GnnArchitecture.Sage, Nonlinearity.MaxK)]
    [InlineData(GnnArchitecture.Gcn, Nonlinearity.Relu)]
    [InlineData(GnnArchitecture.Gcn, Nonlinearity.MaxK)]
    [InlineData(GnnArchitecture.Gin, Nonlinearity.Relu)]
    [InlineData(GnnArchitecture.Gin, Nonlinearity.MaxK)]
    public void Model_MatchesDenseAutograd(GnnArchitecture architecture, Nonlinearity nonlinearity)
    {
        InitTorch();
        using var scope = NewDisposeScope();
        var structure = Structure(21);
        var options = new ModelOptions(architecture, nonlinearity, K: 6, InputFeatures: 10, Hidden: 16, Classes: 4,
            HiddenLayers: 2, Dropout: 0.3);
        var (logits, inputGrad, grads) = Run(options, structure, CpuReferenceBackend.Instance);
        var (refLogits, refInputGrad, refGrads) = Run(options, structure, new TorchDenseBackend());

        AssertClose(refLogits, logits, Tolerance, "logits");
        AssertClose(refInputGrad, inputGrad, Tolerance, "dX");
        Assert.Equal(refGrads.Keys, grads.Keys);
        foreach (var (name, g) in refGrads)
            AssertClose(g, grads[name], Tolerance, $"d{name}");
        Assert.True(grads.Values.All(g => g.abs().sum().item<float>() > 0), "every parameter should get a gradient");
    }

    private static (Tensor Logits, Tensor InputGrad, Dictionary<string, Tensor> Grads) Run(
        ModelOptions options, MaxK.Graphs.CsrGraph structure, IAggregationBackend backend)
    {
        torch.manual_seed(5);
        var model = GnnModel.Create(options, structure, backend);
        model.train();
        var x = Randn(31, structure.NodeCount, options.InputFeatures, requiresGrad: true);
        var weights = Randn(32, structure.NodeCount, options.Classes);
        torch.manual_seed(6); // dropout masks
        var logits = model.forward(x);
        (logits * weights).sum().backward();
        var grads = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
        return (logits.detach(), x.grad!.clone(), grads);
    }

    [Theory]
    [InlineData(GnnArchitecture.Gcn, Nonlinearity.MaxK)]
    [InlineData(GnnArchitecture.Sage, Nonlinearity.Relu)]
    [InlineData(GnnArchitecture.Gin, Nonlinearity.MaxK)]
    public void Training_IsDeterministicForASeed(GnnArchitecture architecture, Nonlinearity nonlinearity)
    {
        InitTorch();
        var data = Task(41);
        var options = new ModelOptions(architecture, nonlinearity, K: 4, data.FeatureCount, Hidden: 16, data.ClassCount,
            HiddenLayers: 2, Dropout: 0.5);
        var training = new TrainingOptions(Epochs: 15, LearningRate: 0.01, WeightDecay: 5e-4, Seed: 3);
        var first = Trainer.Run(data, options, training, CpuReferenceBackend.Instance);
        var second = Trainer.Run(data, options, training, CpuReferenceBackend.Instance);
        Assert.Equal(first.Epochs.Select(e => e.TrainLoss), second.Epochs.Select(e => e.TrainLoss));
        Assert.Equal(first.Epochs.Select(e => e.ValMetric), second.Epochs.Select(e => e.ValMetric));
        Assert.Equal(first.TestMetric, second.TestMetric);
        var other = Trainer.Run(data, options, training with { Seed = 4 }, CpuReferenceBackend.Instance);
        Assert.NotEqual(first.Epochs.Select(e => e.TrainLoss), other.Epochs.Select(e => e.TrainLoss));
    }

    [Fact]
    public void Training_LowersTheLossAndReportsTheBestValidationEpoch()
    {
        InitTorch();
        var data = Task(42);
        var options = new ModelOptions(GnnArchitecture.Sage, Nonlinearity.MaxK, K: 8, data.FeatureCount, Hidden: 32, data.ClassCount,
            HiddenLayers: 1, Dropout: 0.1);
        var report = Trainer.Run(data, options, new TrainingOptions(Epochs: 40, Seed: 1), CpuReferenceBackend.Instance);
        Assert.Equal(40, report.Epochs.Count);
        Assert.True(report.Epochs[^1].TrainLoss < report.Epochs[0].TrainLoss * 0.7, "the training loss should fall");
        var best = report.Epochs.First(e => e.ValMetric == report.Epochs.Max(x => x.ValMetric));
        Assert.Equal(best.Epoch, report.BestEpoch);
        Assert.Equal(best.TestMetric, report.TestMetric);
        Assert.All(report.Epochs, e => Assert.True(e.Timing.EpochMs > 0));
        Assert.True(report.PhaseMsMedian[MaxK.Training.Timing.TrainingPhase.AggregationForward] > 0);
    }
}
