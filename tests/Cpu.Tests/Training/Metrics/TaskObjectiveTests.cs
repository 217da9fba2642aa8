using MaxK.Datasets;
using MaxK.Tests.Training;
using MaxK.Training;
using MaxK.Training.Aggregation;
using MaxK.Training.Metrics;
using MaxK.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace MaxK.Tests.Training.Metrics;

/// <summary>The BCE objective's loss and metrics through torch, and the trainer picking the objective from the data.</summary>
[Collection(TorchGeneratorCollection.Name)]
public class TaskObjectiveTests
{
    [Fact]
    public void MultiLabelLoss_IsMeanBinaryCrossEntropyWithLogits_OverTheGivenNodes()
    {
        TrainingFixtures.InitTorch();
        using var scope = NewDisposeScope();
        var targets = torch.tensor(new float[] { 1, 0, 0, 1, 1, 1 }, [3, 2]);
        var logits = torch.tensor(new float[] { 0, 1, 2, -1, 9, 9 }, [3, 2]);
        var nodes = torch.tensor(new long[] { 0, 1 });
        var objective = new MultiLabelObjective(targets, DatasetMetric.MicroF1);

        // log(1 + e^x) − x·y per pair: ln 2, ln(1 + e), ln(1 + e²), ln(1 + e^−1) + 1
        var expected = (Math.Log(2) + Math.Log(1 + Math.E) + Math.Log(1 + Math.Exp(2)) + Math.Log(1 + Math.Exp(-1)) + 1) / 4;
        Assert.Equal(expected, objective.Loss(logits, nodes).item<float>(), 5);
        Assert.Equal("micro_f1", objective.MetricName);
        // node 0: (0 → negative, target 1: FN), (1 → positive, target 0: FP); node 1: (2, target 0: FP), (−1, target 1: FN)
        Assert.Equal(0, objective.Metric(logits, nodes));
        Assert.Equal(1, objective.Metric(logits, torch.tensor(new long[] { 2 })));
    }

    [Fact]
    public void RocAucObjective_ReportsTheMeanPerTaskAuc()
    {
        TrainingFixtures.InitTorch();
        using var scope = NewDisposeScope();
        var targets = torch.tensor(new float[] { 0, 0, 0, 1, 1, 0, 1, 1 }, [4, 2]);
        var logits = torch.tensor(new float[] { 0.1f, 0.5f, 0.4f, 0.5f, 0.35f, 0.2f, 0.8f, 0.9f }, [4, 2]);
        var objective = new MultiLabelObjective(targets, DatasetMetric.RocAuc);
        Assert.Equal("roc_auc", objective.MetricName);
        Assert.Equal((0.75 + 0.875) / 2, objective.Metric(logits, torch.arange(4L)), 12);
    }

    [Fact]
    public void TaskObjectives_PickCrossEntropyForSingleLabel_AndBceForMultiLabel()
    {
        TrainingFixtures.InitTorch();
        var single = TrainingFixtures.Task(seed: 3);
        using (var targets = TaskObjectives.Targets(single))
        {
            Assert.Equal(ScalarType.Int64, targets.dtype);
            Assert.IsType<SingleLabelObjective>(TaskObjectives.For(single, targets));
        }
        var multi = MultiLabelTask(single, DatasetMetric.RocAuc);
        using (var targets = TaskObjectives.Targets(multi))
        {
            Assert.Equal(new long[] { multi.NodeCount, multi.ClassCount }, targets.shape);
            Assert.Equal("roc_auc", TaskObjectives.For(multi, targets).MetricName);
        }
    }

    [Fact]
    public void Trainer_OnMultiLabelData_TrainsWithBce_AndReportsTheDatasetsMetric()
    {
        TrainingFixtures.InitTorch();
        var data = MultiLabelTask(TrainingFixtures.Task(seed: 5), DatasetMetric.MicroF1);
        var model = new ModelOptions(GnnArchitecture.Sage, Nonlinearity.Relu, 4, data.FeatureCount, 16, data.ClassCount, 2, 0.0);
        var report = Trainer.Run(data, model, new TrainingOptions(30, 0.02, Seed: 1), CpuReferenceBackend.Instance);

        Assert.Equal("micro_f1", report.MetricName);
        Assert.True(report.Epochs[^1].TrainLoss < report.Epochs[0].TrainLoss, "BCE should fall while training.");
        Assert.InRange(report.TestMetric, 0, 1);
    }

    /// <summary>The task's classes as a 2-label target: label 0 = class is 0, label 1 = class is not 0.</summary>
    private static NodeClassificationData MultiLabelTask(NodeClassificationData single, DatasetMetric metric)
    {
        var targets = new float[single.NodeCount * 2];
        for (var v = 0; v < single.NodeCount; v++)
        {
            targets[v * 2] = single.Labels[v] == 0 ? 1 : 0;
            targets[v * 2 + 1] = single.Labels[v] == 0 ? 0 : 1;
        }
        return single with { Labels = [], ClassCount = 2, MultiLabels = targets, Metric = metric };
    }
}
