using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MaxK.Harness.Results;
using MaxK.Harness.Statistics;
using MaxK.Harness.Training;
using MaxK.Harness.Vocabulary;
using MaxK.Torch;
using MaxK.Training;
using MaxK.Training.Models;

namespace MaxK.Harness.Peers;

/// <summary>
/// Runs the PyTorch Geometric peer (pyg_train.py, copied next to maxk.dll under peers/) on the same graph and model as
/// a training case and turns its JSON into a <see cref="TrainingRecord"/> (backend "pyg", implementation "pyg &lt;version&gt;").
/// PyG is used when <c>python -c "import torch_geometric"</c> works; otherwise <see cref="Run"/> throws
/// <see cref="PeerUnavailableException"/> and the suite records the case as skipped with the reason. The interpreter is
/// <c>MAXK_PYTHON</c> or python3.
/// <para>
/// For the Planetoid datasets (Cora, CiteSeer, PubMed) PyG reads the task itself: the adapter copies the same raw
/// <c>ind.&lt;name&gt;.*</c> files the harness loaded into <c>ROOT/&lt;Name&gt;/raw/</c> of the run's temporary folder, and the script
/// loads them with <c>torch_geometric.datasets.Planetoid</c> (nothing is downloaded) and stops unless nodes, edges,
/// features, labels and splits equal the harness's export.
/// </para>
/// </summary>
public sealed class PygAdapter(string python, string script)
{
    private string? _version;
    private string? _unavailable;

    public static PygAdapter Default { get; } = new(Environment.GetEnvironmentVariable("MAXK_PYTHON") is { Length: > 0 } p ? p : "python3",
        Path.Combine(AppContext.BaseDirectory, "peers", "pyg_train.py"));

    /// <summary>PyG's version, or throws <see cref="PeerUnavailableException"/> saying why it cannot run here (asked once).</summary>
    public string Version()
    {
        if (_version is null && _unavailable is null)
        {
            if (!File.Exists(script))
                _unavailable = $"the PyG peer script {script} is missing";
            else
            {
                var (exit, stdout, stderr) = Start(["-c", "import torch_geometric; print(torch_geometric.__version__)"], TimeSpan.FromMinutes(2));
                if (exit == 0 && stdout.Trim().Length > 0)
                    _version = stdout.Trim().Split('\n')[^1].Trim();
                else
                    _unavailable = $"PyTorch Geometric is not importable with {python} ({Last(stderr.Length > 0 ? stderr : stdout)})";
            }
        }
        return _version ?? throw new PeerUnavailableException(_unavailable!);
    }

    /// <summary>Exports the dataset, runs the script, and converts its JSON; a failing script is an exception with its stderr.</summary>
    public TrainingRecord Run(TrainingRunSpec spec, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(log);
        Version();
        if (spec.Nonlinearity != Nonlinearity.Relu)
            throw new HarnessException("The PyG peer trains ReLU models only.");
        var dataset = spec.Dataset.Trim().ToLowerInvariant();
        return Run(spec, TrainingDatasets.Load(dataset, spec.DataDir, TrainingRun.DatasetSeed), log);
    }

    /// <summary>Runs the peer on <paramref name="data"/> (already loaded) with <paramref name="spec"/>'s model and sizes.</summary>
    public TrainingRecord Run(TrainingRunSpec spec, NodeClassificationData data, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(log);
        var version = Version();
        if (data.IsMultiLabel)
            throw new HarnessException($"The PyG peer trains single-label tasks only; {data.Name} is multi-label.");
        var dataset = spec.Dataset.Trim().ToLowerInvariant();
        var defaults = DatasetDefaults.For(dataset);
        var hidden = spec.Hidden ?? defaults.Hidden;
        var layers = spec.Layers ?? defaults.Layers;
        var epochs = spec.Epochs ?? defaults.Epochs;
        var warmup = spec.WarmupEpochs ?? (spec.Device == TorchDevice.Cuda ? 3 : 1);
        var folder = Path.Combine(Path.GetTempPath(), "maxk-pyg-" + Guid.NewGuid().ToString("N"));
        try
        {
            PygDataExport.Write(data, folder);
            var json = Path.Combine(folder, "result.json");
            List<string> args =
            [
                script, "--dataset-dir", folder, "--model", spec.Model.ToString().ToLowerInvariant(), "--hidden", Text(hidden), "--layers", Text(layers),
                "--epochs", Text(epochs), "--warmup-epochs", Text(warmup), "--dropout", Text(spec.Dropout ?? defaults.Dropout),
                "--lr", Text(spec.LearningRate ?? defaults.LearningRate), "--weight-decay", Text(spec.WeightDecay ?? defaults.WeightDecay),
                "--seed", Text(spec.Seed), "--device", ComputeDevices.Of(spec.Device).Word(), "--json", json,
            ];
            if (PygPlanetoid.NameOf(dataset) is { } pygName)
                args.AddRange(["--planetoid-root", PygPlanetoid.Stage(dataset, pygName, TrainingDatasets.RawFolder(dataset, spec.DataDir), folder),
                    "--planetoid-name", pygName]);
            log.WriteLine($"pyg {version}: {python} {string.Join(' ', args)}");
            var (exit, _, stderr) = Start(args, TimeSpan.FromHours(2));
            if (exit != 0)
                throw new HarnessException($"pyg_train.py exited with code {exit}: {Last(stderr)}");
            PygResult result;
            try
            {
                result = JsonSerializer.Deserialize<PygResult>(File.ReadAllText(json), ResultJson.Options)
                    ?? throw new HarnessException("pyg_train.py wrote an empty JSON file.");
            }
            catch (Exception ex) when (ex is JsonException or FileNotFoundException)
            {
                throw new HarnessException($"pyg_train.py did not write a valid result ({ex.Message}).", ex);
            }
            return ToRecord(result, dataset, data, spec, version);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    /// <summary>The record of a PyG run: timing statistics over the epochs after its warm-up; no phase breakdown (zeros), not verified.</summary>
    public static TrainingRecord ToRecord(PygResult r, string dataset, NodeClassificationData data, TrainingRunSpec spec, string version)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(spec);
        if (r.EpochMs.Count != r.Epochs || r.Epochs < 1)
            throw new HarnessException($"pyg_train.py reported {r.EpochMs.Count} epoch times for {r.Epochs} epochs.");
        var warmup = Math.Clamp(r.WarmupEpochs, 0, r.Epochs - 1);
        var timed = r.EpochMs.Skip(warmup).ToList();
        var stats = SampleStatistics.From(timed);
        return new TrainingRecord
        {
            Id = $"train/{dataset}/{r.Model}/relu/pyg/h{r.Hidden}-l{r.Layers}/seed{spec.Seed}",
            Dataset = dataset, DatasetSynthetic = TrainingDatasets.IsSynthetic(dataset), DatasetLabel = data.Label, Nodes = data.NodeCount,
            Edges = data.Structure.EdgeCount, Features = data.FeatureCount, Classes = data.ClassCount, Model = r.Model, Nonlinearity = "relu", K = null,
            Hidden = r.Hidden, Layers = r.Layers, Epochs = r.Epochs, Seed = spec.Seed, Device = r.Device, Backend = TrainingBackend.Pyg.Word(), Implementation = $"{TrainingBackend.Pyg.Word()} {version}",
            LearningRate = spec.LearningRate ?? DatasetDefaults.For(dataset).LearningRate, Dropout = spec.Dropout ?? DatasetDefaults.For(dataset).Dropout,
            WeightDecay = spec.WeightDecay ?? DatasetDefaults.For(dataset).WeightDecay,
            Metric = "accuracy", TestAccuracy = r.TestAccuracy, BestEpoch = r.BestEpoch, BestValAccuracy = r.BestValAccuracy, WarmupEpochs = warmup,
            EpochMsSamples = timed, EpochMsMedian = stats.MedianMs, EpochMsMin = stats.MinMs, EpochMsMean = stats.MeanMs, EpochMsStddev = stats.StdDevMs,
            EpochMsCi95Low = stats.MedianCi95LowMs, EpochMsCi95High = stats.MedianCi95HighMs,
            PhaseMsMedian = new Dictionary<string, double>
            {
                ["aggregation_forward"] = 0, ["aggregation_backward"] = 0, ["maxk_selection"] = 0, ["dense_layers"] = 0, ["optimizer"] = 0,
            },
            ValCurve = r.ValCurve, TestCurve = r.TestCurve, Verified = false,
            VerificationReference = r.DataSource is { } source && source.StartsWith("pyg-planetoid:", StringComparison.Ordinal)
                ? $"none: peer implementation (PyG), timed as is; task read by PyG's Planetoid ({source["pyg-planetoid:".Length..]}) from the same raw files and checked equal to ours"
                : "none: peer implementation (PyG), timed as is",
            Gpu = r.Gpu,
        };
    }

    private (int Exit, string Stdout, string Stderr) Start(IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info) ?? throw new PeerUnavailableException($"could not start {python}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new HarnessException($"{python} did not finish within {timeout.TotalMinutes:F0} min.");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new PeerUnavailableException($"cannot run {python}: {ex.Message}");
        }
    }

    private static string Last(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no output" : lines[^1];
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
