using MaxK.Datasets.Synthetic;
using MaxK.Graphs;
using MaxK.Tests.Training;
using MaxK.Training;
using MaxK.Training.Aggregation;
using MaxK.Training.Models;

namespace MaxK.Tests.Datasets.Synthetic;

/// <summary>
/// csbm-small is learnable and the graph matters: a 3-layer ReLU GraphSAGE (the csbm-small defaults) reaches
/// 80–97 % test accuracy, at least 15 points above the same model with the graph replaced by self-loops only
/// (features alone). Measured (seed 1, model seed 97): 88.0 % with the graph, 31.1 % without.
/// </summary>
[Collection(TorchGeneratorCollection.Name)]
public class CsbmTrainingTests(ITestOutputHelper output)
{
    private static readonly DatasetDefaults Defaults = DatasetDefaults.For("csbm-small");

    private static double TrainSage(NodeClassificationData data)
    {
        var model = new ModelOptions(GnnArchitecture.Sage, Nonlinearity.Relu, Defaults.K, data.FeatureCount, Defaults.Hidden,
            data.ClassCount, Defaults.Layers, Defaults.Dropout);
        var training = new TrainingOptions(Defaults.Epochs, Defaults.LearningRate, Defaults.WeightDecay, Seed: 97);
        return Trainer.Run(data, model, training, CpuReferenceBackend.Instance).TestMetric;
    }

    [Fact]
    public void Sage_OnCsbmSmall_LearnsAndTheGraphHelps()
    {
        TrainingFixtures.InitTorch();
        var data = NodeClassificationData.FromNodeDataset(CsbmGenerator.Generate(CsbmPresets.Small, seed: 1), addSelfLoops: true);
        var selfLoopsOnly = data with { Structure = GraphOps.AddSelfLoops(new CsrGraph(data.NodeCount, new int[data.NodeCount + 1], [])) };

        var withGraph = TrainSage(data);
        var featuresOnly = TrainSage(selfLoopsOnly);

        output.WriteLine($"csbm-small SAGE/ReLU test accuracy: with graph {withGraph:P2}, features only {featuresOnly:P2}");
        Assert.InRange(withGraph, 0.80, 0.97);
        Assert.True(withGraph >= featuresOnly + 0.15, $"The graph should help: {withGraph:P2} with it vs {featuresOnly:P2} without.");
    }
}
