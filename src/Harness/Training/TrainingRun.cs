using System.Globalization;
using MaxK.Harness.Results;
using MaxK.Harness.Statistics;
using MaxK.Harness.Vocabulary;
using MaxK.Torch;
using MaxK.Training;
using MaxK.Training.Aggregation;
using MaxK.Training.Models;
using MaxK.Training.Timing;

namespace MaxK.Harness.Training;

/// <summary>
/// Runs one training case end to end: resolves the dataset and its defaults, initialises libtorch for the device,
/// creates the aggregation backend, verifies its forward and gradients against an independent reference, trains, and
/// turns the report into a <see cref="TrainingRecord"/> (timing statistics over the epochs after the warm-up).
/// Shared by `maxk train` and the training suites.
/// </summary>
public static class TrainingRun
{
    /// <summary>Runs <paramref name="spec"/>; <paramref name="log"/> gets the description lines, <paramref name="progress"/> every epoch.</summary>
    public static TrainingOutcome Execute(TrainingRunSpec spec, TextWriter log, Action<EpochRecord>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(log);
        var datasetName = spec.Dataset.Trim().ToLowerInvariant();
        var defaults = DatasetDefaults.For(datasetName);
        TrainingBackends.Resolve(spec.Device, spec.Nonlinearity, spec.Backend); // a wrong backend fails before the dataset loads
        TorchRuntime.Initialize(spec.Device, spec.LibTorch);
        var data = LoadCached(datasetName, spec.DataDir);
        var model = new ModelOptions(spec.Model, spec.Nonlinearity, spec.K ?? defaults.K, data.FeatureCount, spec.Hidden ?? defaults.Hidden,
            data.ClassCount, spec.Layers ?? defaults.Layers, spec.Dropout ?? defaults.Dropout, spec.LayerNorm, spec.InputDropout ?? defaults.InputDropout);
        var training = new TrainingOptions(spec.Epochs ?? defaults.Epochs, spec.LearningRate ?? defaults.LearningRate,
            spec.WeightDecay ?? defaults.WeightDecay, spec.Seed);
        try
        {
            model.Validate();
            training.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new HarnessException(ex.Message, ex);
        }
        using var session = TrainingBackends.Create(spec.Device, spec.Nonlinearity, spec.Backend);
        log.WriteLine($"dataset {data.Name}{(TrainingDatasets.IsSynthetic(datasetName) ? " (synthetic)" : "")}: {data.NodeCount:N0} nodes, "
            + $"{data.Structure.EdgeCount:N0} edges (with self-loops), {data.FeatureCount} features, {data.ClassCount} classes, "
            + $"{data.TrainNodes.Length}/{data.ValNodes.Length}/{data.TestNodes.Length} split");
        log.WriteLine(Describe(model, training, session.Backend.Name));
        var check = session.Verify(model);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verification: {(check.Passed ? "passed" : "FAILED")} against {check.Reference} (relative error {check.RelativeError:E2})"));
        if (!check.Passed)
            throw new HarnessException($"The {session.Backend.Name} backend's aggregation does not match {check.Reference} "
                + $"(relative error {check.RelativeError:E2}); not timing a wrong backend.");
        TrainingReport report;
        try
        {
            report = Trainer.Run(data, model, training, session.Backend, session.CreateTimer(), progress);
        }
        finally
        {
            // Free what only the collector reaches (autograd-thread tensors) before the next case allocates.
            DeviceMemory.CollectUnreachableTensors();
        }
        var warmup = Math.Min(spec.WarmupEpochs ?? (spec.Device == TorchDevice.Cuda ? 3 : 1), training.Epochs - 1);
        var record = ToRecord(datasetName, data, model, training, spec.Device, session, report, warmup, check);
        return new TrainingOutcome(record, report);
    }

    /// <summary>Seed of generated datasets: fixed, so every case of a suite trains on the same graph whatever its training seed.</summary>
    public const long DatasetSeed = 1;

    private static readonly Lock CacheLock = new();
    private static (string Name, string? Dir, NodeClassificationData Data)? _lastDataset;

    /// <summary>
    /// The dataset, reusing the last one loaded when a suite runs several cases on it in one process (Reddit-sized
    /// synthetic graphs take seconds to generate; their weighted and transposed forms are memoised on it too).
    /// </summary>
    private static NodeClassificationData LoadCached(string name, string? dataDir)
    {
        lock (CacheLock)
        {
            if (_lastDataset is { } last && last.Name == name && last.Dir == dataDir)
                return last.Data;
            _lastDataset = null;
            var data = TrainingDatasets.Load(name, dataDir, DatasetSeed);
            _lastDataset = (name, dataDir, data);
            return data;
        }
    }

    /// <summary>One line describing the model and the optimisation.</summary>
    public static string Describe(ModelOptions m, TrainingOptions t, string backend) => string.Create(CultureInfo.InvariantCulture,
        $"model {m.Architecture.ToString().ToLowerInvariant()}, {(m.Nonlinearity == Nonlinearity.MaxK ? $"maxk k={m.K}" : "relu")}, hidden {m.Hidden}, "
        + $"layers {m.HiddenLayers}, dropout {m.Dropout}, input dropout {m.InputDropout}, layernorm {(m.LayerNorm ? "on" : "off")}; adam lr {t.LearningRate} wd {t.WeightDecay}, "
        + $"{t.Epochs} epochs, seed {t.Seed}; backend {backend}");

    /// <summary>The JSON key of a phase.</summary>
    public static string PhaseName(TrainingPhase phase) => phase switch
    {
        TrainingPhase.AggregationForward => "aggregation_forward",
        TrainingPhase.AggregationBackward => "aggregation_backward",
        TrainingPhase.MaxKSelection => "maxk_selection",
        TrainingPhase.DenseLayers => "dense_layers",
        TrainingPhase.Optimizer => "optimizer",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    private static TrainingRecord ToRecord(string dataset, NodeClassificationData data, ModelOptions m, TrainingOptions t, TorchDevice device,
        TrainingBackendSession session, TrainingReport report, int warmup, BackendCheck check)
    {
        var timed = report.Epochs.Skip(warmup).ToList();
        var epochMs = timed.Select(e => e.Timing.EpochMs).ToList();
        var stats = SampleStatistics.From(epochMs);
        var phases = Enum.GetValues<TrainingPhase>().ToDictionary(PhaseName, p => TrainingReport.Median(timed.Select(e => e.Timing.PhaseMs[p])));
        var aggregation = TrainingReport.Median(timed.Select(e => e.Timing.PhaseMs[TrainingPhase.AggregationForward] + e.Timing.PhaseMs[TrainingPhase.AggregationBackward]));
        var modelName = m.Architecture.ToString().ToLowerInvariant();
        var nonlinearity = m.Nonlinearity == Nonlinearity.MaxK ? $"maxk-k{m.K}" : "relu";
        return new TrainingRecord
        {
            Id = $"train/{dataset}/{modelName}/{nonlinearity}/{session.Kind.Word()}/h{m.Hidden}-l{m.HiddenLayers}/seed{t.Seed}",
            Dataset = dataset,
            DatasetSynthetic = TrainingDatasets.IsSynthetic(dataset),
            DatasetLabel = data.Label,
            Nodes = data.NodeCount,
            Edges = data.Structure.EdgeCount,
            Features = data.FeatureCount,
            Classes = data.ClassCount,
            Model = modelName,
            Nonlinearity = m.Nonlinearity == Nonlinearity.MaxK ? "maxk" : "relu",
            K = m.Nonlinearity == Nonlinearity.MaxK ? m.K : null,
            Hidden = m.Hidden,
            Layers = m.HiddenLayers,
            Epochs = t.Epochs,
            LearningRate = t.LearningRate,
            Dropout = m.Dropout,
            WeightDecay = t.WeightDecay,
            Seed = t.Seed,
            Device = ComputeDevices.Of(device).Word(),
            Backend = session.Kind.Word(),
            Implementation = "maxk-bench",
            Metric = report.MetricName,
            TestAccuracy = report.TestMetric,
            BestEpoch = report.BestEpoch,
            BestValAccuracy = report.BestValMetric,
            WarmupEpochs = warmup,
            EpochMsSamples = epochMs,
            EpochMsMedian = stats.MedianMs,
            EpochMsMin = stats.MinMs,
            EpochMsMean = stats.MeanMs,
            EpochMsStddev = stats.StdDevMs,
            EpochMsCi95Low = stats.MedianCi95LowMs,
            EpochMsCi95High = stats.MedianCi95HighMs,
            PhaseMsMedian = phases,
            AggregationMsMedian = aggregation,
            AggregationFraction = stats.MedianMs > 0 ? aggregation / stats.MedianMs : null,
            ValCurve = report.Epochs.Select(e => e.ValMetric).ToList(),
            TestCurve = report.Epochs.Select(e => e.TestMetric).ToList(),
            Verified = check.Passed,
            VerificationReference = check.Reference,
            VerificationRelativeError = check.RelativeError,
            Config = Configuration(session.Backend, m),
            Gpu = session.GpuName,
        };
    }

    /// <summary>What the backend chose while it ran (baseline algorithms, index width), for the record.</summary>
    private static string? Configuration(IAggregationBackend backend, ModelOptions m) => backend switch
    {
        DeviceSpmmBackend d => string.Join("; ", d.Configurations.Distinct()),
        CudaMaxKBackend b => $"fused selection into CBSR with {CudaMaxKBackend.WidthFor(m.Hidden).ToString().ToLowerInvariant()} indices; "
            + "SpGEMM forward and SSpMM backward on a work partition of A (max_chunk 1024)"
            + (b.VariantChoices.Count > 0 ? "; " + string.Join("; ", b.VariantChoices) : ""),
        _ => null,
    };
}

/// <summary>The record of a training run and the full report it came from.</summary>
public sealed record TrainingOutcome(TrainingRecord Record, TrainingReport Report);
