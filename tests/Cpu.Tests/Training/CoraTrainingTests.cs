using MaxK.Datasets;
using MaxK.Datasets.Planetoid;
using MaxK.Tests.Datasets;
using MaxK.Training;
using MaxK.Training.Aggregation;
using MaxK.Training.Models;

namespace MaxK.Tests.Training;

/// <summary>
/// The CI accuracy target on real data (issue 4): Cora, standard split, seeded, CPU reference backend. GCN with
/// ReLU must reach 79 % test accuracy at the best-validation epoch (published 81.5 %), and MaxK (k = 32 of hidden
/// 64) must come within 1.5 points of it. Skipped when the shared datasets folder is absent.
/// </summary>
[Collection(SharedDatasetsCollection.Name)]
public class CoraTrainingTests(ITestOutputHelper output)
{
    /// <summary>The CLI's Cora defaults (`maxk train --dataset cora --model gcn [--nonlinearity maxk]`): 2 layers of 64, dropout 0.8, k 32.</summary>
    private static readonly DatasetDefaults Defaults = DatasetDefaults.For("cora");

    public static ModelOptions CoraGcn(NodeClassificationData data, Nonlinearity nonlinearity) =>
        new(GnnArchitecture.Gcn, nonlinearity, Defaults.K, data.FeatureCount, Defaults.Hidden, data.ClassCount, Defaults.Layers, Defaults.Dropout);

    /// <summary>Adam lr 0.005, weight decay 5e-4, 200 epochs, seed 97 (the CLI's default seed).</summary>
    public static TrainingOptions CoraTraining { get; } = new(Defaults.Epochs, Defaults.LearningRate, Defaults.WeightDecay, Seed: 97);

    private static readonly Lazy<(double Relu, double MaxK)> Accuracies = new(() =>
    {
        var data = NodeClassificationData.FromPlanetoid(LoadCora());
        var relu = Trainer.Run(data, CoraGcn(data, Nonlinearity.Relu), CoraTraining, CpuReferenceBackend.Instance);
        var maxk = Trainer.Run(data, CoraGcn(data, Nonlinearity.MaxK), CoraTraining, CpuReferenceBackend.Instance);
        return (relu.TestMetric, maxk.TestMetric);
    });

    private static PlanetoidDataset LoadCora()
    {
        var folder = SharedDatasets.LocatePlanetoid();
        if (folder is null || !PlanetoidLoader.ExpectedFiles("cora").All(f => File.Exists(Path.Combine(folder, f))))
            Assert.Skip($"Cora not found: needs the shared datasets folder's '{SharedDatasets.PlanetoidSubfolder}' subfolder "
                + $"with ind.cora.* (looked at {SharedDatasets.Describe()}).");
        return PlanetoidLoader.Load(folder!, "cora");
    }

    [Fact]
    public void Gcn_Relu_ReachesTheTarget()
    {
        TrainingFixtures.InitTorch();
        var (relu, _) = Accuracies.Value;
        output.WriteLine($"Cora GCN ReLU test accuracy at best validation: {relu:P2}");
        Assert.True(relu >= 0.79, $"GCN/ReLU on Cora reached {relu:P2}, below the 79 % target.");
    }

    [Fact]
    public void Gcn_MaxK_IsWithinOneAndAHalfPointsOfRelu()
    {
        TrainingFixtures.InitTorch();
        var (relu, maxk) = Accuracies.Value;
        output.WriteLine($"Cora GCN test accuracy at best validation: ReLU {relu:P2}, MaxK k=32 {maxk:P2}");
        Assert.True(maxk >= relu - 0.015, $"MaxK (k = 32) reached {maxk:P2}, more than 1.5 points below ReLU's {relu:P2}.");
    }
}
