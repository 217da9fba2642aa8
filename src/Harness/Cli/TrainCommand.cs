using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MaxK.Datasets;
using MaxK.Datasets.Planetoid;
using MaxK.Harness.Results;
using MaxK.Torch;
using MaxK.Training;
using MaxK.Training.Aggregation;
using MaxK.Training.Models;
using MaxK.Training.Timing;

namespace MaxK.Harness.Cli;

/// <summary><c>maxk train</c>: full-graph GNN training with ReLU or MaxK, per-epoch metrics and phase timings.</summary>
public static class TrainCommand
{
    /// <summary>Datasets this build can train on.</summary>
    public static IReadOnlyList<string> SupportedDatasets { get; } = ["cora", "citeseer", "pubmed"];

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = $"Dataset: {string.Join(", ", SupportedDatasets)}.", Required = true };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder with the dataset files (default: the shared datasets folder's planetoid/)." };
        var model = new Option<GnnArchitecture>("--model") { Description = "sage, gcn or gin.", DefaultValueFactory = _ => GnnArchitecture.Gcn };
        var nonlinearity = new Option<Nonlinearity>("--nonlinearity") { Description = "relu or maxk.", DefaultValueFactory = _ => Nonlinearity.Relu };
        var k = new Option<int?>("--k") { Description = "MaxK's k (default per dataset; 32 for Cora)." };
        var hidden = new Option<int?>("--hidden") { Description = "Hidden width (default per dataset)." };
        var layers = new Option<int?>("--layers") { Description = "Hidden graph layers (default per dataset)." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs (default per dataset)." };
        var seed = new Option<long>("--seed") { Description = "Seed of torch's generator.", DefaultValueFactory = _ => 97 };
        var device = new Option<TorchDevice>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => TorchDevice.Cpu };
        var json = new Option<string?>("--json") { Description = "Write the run (per-epoch metrics and phase timings) to this JSON file." };
        var lr = new Option<double?>("--lr") { Description = "Adam learning rate (default per dataset)." };
        var dropout = new Option<double?>("--dropout") { Description = "Dropout probability (default per dataset)." };
        var weightDecay = new Option<double?>("--weight-decay") { Description = "Adam weight decay (default per dataset)." };
        var inputDropout = new Option<double?>("--input-dropout") { Description = "Dropout of the input features (default per dataset)." };
        var noNorm = new Option<bool>("--no-norm") { Description = "Leave out the LayerNorm after each graph layer." };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the summary, not every epoch." };
        var command = new Command("train", "Trains a GNN (SAGE, GCN, GIN) with ReLU or MaxK on a dataset, full-graph.")
        {
            dataset, dataDir, model, nonlinearity, k, hidden, layers, epochs, seed, device, json, lr, dropout, inputDropout, weightDecay, noNorm, quiet,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var name = parse.GetValue(dataset)!.Trim().ToLowerInvariant();
            if (!SupportedDatasets.Contains(name))
                throw new HarnessException($"Dataset '{name}' is not supported by `maxk train` in this build; supported: {string.Join(", ", SupportedDatasets)}.");
            if (parse.GetValue(device) == TorchDevice.Cuda)
                throw new HarnessException("--device cuda is not yet supported in this build of `maxk train` (CPU reference backend only); use --device cpu.");
            var defaults = DatasetDefaults.For(name);
            var directory = parse.GetValue(dataDir) ?? SharedDatasets.LocatePlanetoid()
                ?? throw new HarnessException($"No --data-dir given and no shared datasets folder found ({SharedDatasets.Describe()}).");

            TorchRuntime.Initialize(TorchDevice.Cpu);
            var data = NodeClassificationData.FromPlanetoid(PlanetoidLoader.Load(directory, name));
            var modelOptions = new ModelOptions(parse.GetValue(model), parse.GetValue(nonlinearity), parse.GetValue(k) ?? defaults.K,
                data.FeatureCount, parse.GetValue(hidden) ?? defaults.Hidden, data.ClassCount, parse.GetValue(layers) ?? defaults.Layers,
                parse.GetValue(dropout) ?? defaults.Dropout, LayerNorm: !parse.GetValue(noNorm),
                InputDropout: parse.GetValue(inputDropout) ?? defaults.InputDropout);
            var trainingOptions = new TrainingOptions(parse.GetValue(epochs) ?? defaults.Epochs, parse.GetValue(lr) ?? defaults.LearningRate,
                parse.GetValue(weightDecay) ?? defaults.WeightDecay, parse.GetValue(seed));
            var backend = CpuReferenceBackend.Instance;
            output.WriteLine($"dataset {data.Name}: {data.NodeCount} nodes, {data.Structure.EdgeCount} edges (with self-loops), "
                + $"{data.FeatureCount} features, {data.ClassCount} classes, {data.TrainNodes.Length}/{data.ValNodes.Length}/{data.TestNodes.Length} split");
            output.WriteLine(Describe(modelOptions, trainingOptions, backend));
            var quietRun = parse.GetValue(quiet);
            var report = Trainer.Run(data, modelOptions, trainingOptions, backend, new StopwatchPhaseTimer(), e =>
            {
                if (!quietRun)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"epoch {e.Epoch,5}  loss {e.TrainLoss:F4}  train {e.TrainMetric:P1}  val {e.ValMetric:P1}  test {e.TestMetric:P1}  {e.Timing.EpochMs:F1} ms"));
            });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"test {report.MetricName} at best validation (epoch {report.BestEpoch}, val {report.BestValMetric:P2}): {report.TestMetric:P2}; median epoch {report.EpochMsMedian:F2} ms"));
            var phases = report.PhaseMsMedian;
            output.WriteLine("median phase ms: " + string.Join(", ", phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{PhaseName(p.Key)} {p.Value:F2}"))));
            var path = parse.GetValue(json);
            if (path is not null)
            {
                AtomicFile.WriteAllText(path, JsonSerializer.Serialize(ToJson(name, modelOptions, trainingOptions, backend, report), ResultJson.Options));
                output.WriteLine($"wrote {path}");
            }
            return 0;
        });
        return command;
    }

    private static string Describe(ModelOptions m, TrainingOptions t, IAggregationBackend backend) => string.Create(CultureInfo.InvariantCulture,
        $"model {m.Architecture.ToString().ToLowerInvariant()}, {(m.Nonlinearity == Nonlinearity.MaxK ? $"maxk k={m.K}" : "relu")}, hidden {m.Hidden}, "
        + $"layers {m.HiddenLayers}, dropout {m.Dropout}, input dropout {m.InputDropout}, layernorm {(m.LayerNorm ? "on" : "off")}; adam lr {t.LearningRate} wd {t.WeightDecay}, "
        + $"{t.Epochs} epochs, seed {t.Seed}; backend {backend.Name}");

    /// <summary>snake_case name of a phase, as in the JSON.</summary>
    public static string PhaseName(TrainingPhase phase) => JsonNamingPolicy.SnakeCaseLower.ConvertName(phase.ToString());

    internal static TrainRunJson ToJson(string dataset, ModelOptions m, TrainingOptions t, IAggregationBackend backend, TrainingReport report)
    {
        static Dictionary<string, double> Phases(IReadOnlyDictionary<TrainingPhase, double> p) => p.ToDictionary(kv => PhaseName(kv.Key), kv => kv.Value);
        var epochs = report.Epochs.Select(e => new TrainEpochJson(e.Epoch, e.TrainLoss, e.TrainMetric, e.ValMetric, e.TestMetric,
            e.Timing.EpochMs, Phases(e.Timing.PhaseMs), e.Timing.AggregationShare)).ToList();
        return new TrainRunJson(TrainRunJson.CurrentSchema, dataset, m.Architecture.ToString().ToLowerInvariant(),
            m.Nonlinearity.ToString().ToLowerInvariant(), m.Nonlinearity == Nonlinearity.MaxK ? m.K : null, m.Hidden, m.HiddenLayers,
            m.Dropout, m.InputDropout, m.LayerNorm, t.Epochs, t.LearningRate, t.WeightDecay, t.Seed, "cpu", backend.Name, report.MetricName,
            report.TestMetric, report.BestEpoch, report.BestValMetric, report.EpochMsMedian, Phases(report.PhaseMsMedian), epochs);
    }
}

/// <summary>The JSON file of <c>maxk train</c> (snake_case through <see cref="ResultJson.Options"/>).</summary>
internal sealed record TrainRunJson(
    string Schema, string Dataset, string Model, string Nonlinearity, int? K, int Hidden, int Layers, double Dropout, double InputDropout, bool LayerNorm,
    int Epochs, double Lr, double WeightDecay, long Seed, string Device, string Backend, string Metric,
    double TestAccuracy, int BestEpoch, double BestValAccuracy, double EpochMsMedian, Dictionary<string, double> PhaseMsMedian,
    List<TrainEpochJson> EpochRecords)
{
    public const string CurrentSchema = "maxk-train/1";
}

internal sealed record TrainEpochJson(int Epoch, double TrainLoss, double TrainAccuracy, double ValAccuracy, double TestAccuracy,
    double EpochMs, Dictionary<string, double> PhaseMs, double AggregationShare);
