using System.CommandLine;
using System.Globalization;
using MaxK.Harness.Provenance;
using MaxK.Harness.Results;
using MaxK.Harness.Training;
using MaxK.Torch;
using MaxK.Training.Models;

namespace MaxK.Harness.Cli;

/// <summary><c>maxk train</c>: full-graph GNN training with ReLU or MaxK, per-epoch metrics and phase timings.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = $"Dataset: {string.Join(", ", TrainingDatasets.Names)}.", Required = true };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data folder: the dataset is looked for in DIR/<name>, DIR/planetoid (Planetoid) and DIR (default: $MAXK_DATA_DIR, the shared datasets folder, ./data); loaded data is checked against the catalog." };
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
        var backend = new Option<string?>("--backend") { Description = "Aggregation backend: cpu-reference (cpu), cusparse or gnnadvisor (cuda, relu), maxk (cuda, maxk). Default by device and nonlinearity." };
        var warmup = new Option<int?>("--warmup-epochs") { Description = "Leading epochs left out of the timing statistics (default 1 on cpu, 3 on cuda)." };
        var command = new Command("train", "Trains a GNN (SAGE, GCN, GIN) with ReLU or MaxK on a dataset, full-graph.")
        {
            dataset, dataDir, model, nonlinearity, k, hidden, layers, epochs, seed, device, json, lr, dropout, inputDropout, weightDecay, noNorm, quiet, backend, warmup,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var spec = new TrainingRunSpec
            {
                Dataset = parse.GetValue(dataset)!,
                DataDir = parse.GetValue(dataDir),
                Model = parse.GetValue(model),
                Nonlinearity = parse.GetValue(nonlinearity),
                K = parse.GetValue(k),
                Hidden = parse.GetValue(hidden),
                Layers = parse.GetValue(layers),
                Epochs = parse.GetValue(epochs),
                Seed = parse.GetValue(seed),
                Device = parse.GetValue(device),
                Backend = TrainingBackends.Parse(parse.GetValue(backend)),
                LearningRate = parse.GetValue(lr),
                Dropout = parse.GetValue(dropout),
                WeightDecay = parse.GetValue(weightDecay),
                InputDropout = parse.GetValue(inputDropout),
                LayerNorm = !parse.GetValue(noNorm),
                WarmupEpochs = parse.GetValue(warmup),
            };
            var quietRun = parse.GetValue(quiet);
            var started = DateTimeOffset.UtcNow;
            var outcome = TrainingRun.Execute(spec, output, e =>
            {
                if (!quietRun)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"epoch {e.Epoch,5}  loss {e.TrainLoss:F4}  train {e.TrainMetric:P1}  val {e.ValMetric:P1}  test {e.TestMetric:P1}  {e.Timing.EpochMs:F1} ms"));
            });
            var record = outcome.Record;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"test {record.Metric} at best validation (epoch {record.BestEpoch}, val {record.BestValAccuracy:P2}): {record.TestAccuracy:P2}; "
                + $"median epoch {record.EpochMsMedian:F2} ms after {record.WarmupEpochs} warm-up epoch(s); aggregation fraction {record.AggregationFraction:P1}"));
            output.WriteLine("median phase ms: " + string.Join(", ", record.PhaseMsMedian!.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:F2}"))));
            var path = parse.GetValue(json);
            if (path is not null)
            {
                var manifest = TrainingManifest.Create("train", spec.Device, (ulong)spec.Seed, started);
                var result = new RunResult { Manifest = manifest, Skipped = [], Cases = [], Training = [record] };
                AtomicFile.WriteAllText(path, ResultJson.Serialize(result));
                output.WriteLine($"wrote {path}");
            }
            return 0;
        });
        return command;
    }
}
