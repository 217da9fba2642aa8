using MaxK.Torch;
using MaxK.Training.Aggregation;
using MaxK.Training.Metrics;
using MaxK.Training.Models;
using MaxK.Training.Timing;
using TorchSharp;
using static TorchSharp.torch;

namespace MaxK.Training;

/// <summary>
/// Full-graph training (design §4): per epoch one forward over all nodes, the loss on the training nodes, one
/// backward, one Adam step; then an evaluation pass (no dropout, no gradients) gives train/validation/test metrics.
/// The reported test metric is the one at the best-validation epoch. Deterministic on the CPU for a fixed seed.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Seeds torch with <see cref="TrainingOptions.Seed"/>, builds the model on <paramref name="backend"/> and trains it.
    /// </summary>
    /// <param name="progress">Called after every epoch (e.g. to print progress); may be null.</param>
    public static TrainingReport Run(NodeClassificationData data, ModelOptions model, TrainingOptions training,
        IAggregationBackend backend, IPhaseTimer? timer = null, Action<EpochRecord>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(backend);
        model.Validate();
        training.Validate();
        torch.manual_seed(training.Seed);
        var device = backend.Device == TorchDevice.Cuda ? CUDA : CPU;
        using var gnn = GnnModel.Create(model, data.Structure, backend);
        gnn.to(device);
        using var features = torch.tensor(data.Features, [data.NodeCount, data.FeatureCount], ScalarType.Float32).to(device);
        using var targets = TaskObjectives.Targets(data).to(device); // objective from the data: single-label → CE/accuracy, multi-label → BCE + its metric
        return Train(gnn, features, TaskObjectives.For(data, targets), data, training, timer ?? new StopwatchPhaseTimer(), progress);
    }

    /// <summary>Trains an existing model (its parameters as they are) with Adam for <see cref="TrainingOptions.Epochs"/> epochs.</summary>
    public static TrainingReport Train(GnnModel model, Tensor features, ITaskObjective objective, NodeClassificationData split,
        TrainingOptions training, IPhaseTimer timer, Action<EpochRecord>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(timer);
        training.Validate();
        using var trainNodes = NodeTensor(split.TrainNodes, features.device);
        using var valNodes = NodeTensor(split.ValNodes, features.device);
        using var testNodes = NodeTensor(split.TestNodes, features.device);
        using var optimizer = optim.Adam(model.parameters(), training.LearningRate, weight_decay: training.WeightDecay);
        var records = new List<EpochRecord>(training.Epochs);
        var (bestEpoch, bestVal, bestTest) = (0, double.NegativeInfinity, 0.0);
        for (var epoch = 1; epoch <= training.Epochs; epoch++)
        {
            using var scope = NewDisposeScope();
            model.train();
            model.Timer = timer;
            timer.BeginEpoch();
            using (timer.Begin(TrainingPhase.Optimizer))
                optimizer.zero_grad();
            var logits = model.forward(features);
            var loss = objective.Loss(logits, trainNodes);
            loss.backward();
            using (timer.Begin(TrainingPhase.Optimizer))
                optimizer.step();
            var timing = timer.EndEpoch();
            var trainLoss = loss.item<float>();

            model.eval();
            model.Timer = NullPhaseTimer.Instance;
            double trainMetric, valMetric, testMetric;
            using (torch.no_grad())
            {
                var eval = model.forward(features);
                trainMetric = objective.Metric(eval, trainNodes);
                valMetric = objective.Metric(eval, valNodes);
                testMetric = objective.Metric(eval, testNodes);
            }
            if (valMetric > bestVal)
                (bestEpoch, bestVal, bestTest) = (epoch, valMetric, testMetric);
            var record = new EpochRecord(epoch, trainLoss, trainMetric, valMetric, testMetric, timing);
            records.Add(record);
            progress?.Invoke(record);
            if (features.device_type == DeviceType.CUDA)
                DeviceMemory.CollectUnreachableTensors();
        }
        return new TrainingReport(objective.MetricName, records, bestEpoch, bestVal, bestTest);
    }

    private static Tensor NodeTensor(int[] nodes, Device device) => torch.tensor(nodes.Select(n => (long)n).ToArray(), ScalarType.Int64).to(device);
}
