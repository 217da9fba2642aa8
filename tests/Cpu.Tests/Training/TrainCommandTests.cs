using System.Text.Json;
using MaxK.Datasets;
using MaxK.Datasets.Planetoid;
using MaxK.Harness.Cli;
using MaxK.Harness.Results;

namespace MaxK.Tests.Training;

/// <summary><c>maxk train</c> arguments, errors and JSON.</summary>
[Collection(MaxK.Tests.Datasets.SharedDatasetsCollection.Name)]
public class TrainCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = MaxkCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void GpuBackendOnCpu_IsAClearUserError()
    {
        var (exit, _, err) = Run("train", "--dataset", "cora", "--device", "cpu", "--backend", "cusparse");
        Assert.Equal(MaxkCli.UserErrorExitCode, exit);
        Assert.Contains("needs --device cuda", err);
    }

    [Fact]
    public void UnknownDataset_IsAUserError()
    {
        var (exit, _, err) = Run("train", "--dataset", "nosuch");
        Assert.Equal(MaxkCli.UserErrorExitCode, exit);
        Assert.Contains("nosuch", err);
    }

    [Fact]
    public void MissingDataDirectory_IsAUserError()
    {
        var (exit, _, err) = Run("train", "--dataset", "cora", "--data-dir", Path.Combine(Path.GetTempPath(), "maxk-no-such-folder-" + Guid.NewGuid()));
        Assert.Equal(MaxkCli.UserErrorExitCode, exit);
        Assert.Contains("ind.cora", err);
    }

    [Fact]
    public void Cora_WritesTheJsonReport()
    {
        var folder = SharedDatasets.LocatePlanetoid();
        Assert.SkipWhen(folder is null || !PlanetoidLoader.ExpectedFiles("cora").All(f => File.Exists(Path.Combine(folder, f))),
            $"Cora not found in the shared datasets folder's '{SharedDatasets.PlanetoidSubfolder}' subfolder (looked at {SharedDatasets.Describe()}).");
        var json = Path.Combine(Path.GetTempPath(), $"maxk-train-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, err) = Run("train", "--dataset", "cora", "--data-dir", folder!, "--model", "sage", "--nonlinearity", "maxk",
                "--k", "16", "--hidden", "32", "--layers", "1", "--epochs", "3", "--seed", "5", "--device", "cpu", "--json", json);
            Assert.True(exit == 0, err);
            Assert.Contains("epoch     3", output);
            Assert.Contains("verification: passed", output);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            Assert.Equal("maxk-results/1", doc.RootElement.GetProperty("schema").GetString());
            Assert.Equal("train", doc.RootElement.GetProperty("manifest").GetProperty("suite").GetString());
            Assert.Empty(ResultSchemaValidator.Validate(json));
            var root = doc.RootElement.GetProperty("training")[0];
            Assert.Equal("sage", root.GetProperty("model").GetString());
            Assert.Equal("maxk", root.GetProperty("nonlinearity").GetString());
            Assert.Equal(16, root.GetProperty("k").GetInt32());
            Assert.InRange(root.GetProperty("test_accuracy").GetDouble(), 0, 1);
            Assert.True(root.GetProperty("epoch_ms_median").GetDouble() > 0);
            Assert.Equal(3, root.GetProperty("val_curve").GetArrayLength());
            Assert.Equal(2, root.GetProperty("epoch_ms_samples").GetArrayLength());
            Assert.Equal(1, root.GetProperty("warmup_epochs").GetInt32());
            Assert.True(root.GetProperty("verified").GetBoolean());
            Assert.Equal(0.005, root.GetProperty("learning_rate").GetDouble()); // Cora's default
            Assert.Equal(0.8, root.GetProperty("dropout").GetDouble());
            Assert.InRange(root.GetProperty("aggregation_fraction").GetDouble(), 0, 1);
            var phases = root.GetProperty("phase_ms_median");
            foreach (var phase in new[] { "aggregation_forward", "aggregation_backward", "maxk_selection", "dense_layers", "optimizer" })
                Assert.True(phases.TryGetProperty(phase, out _), $"phase {phase} missing");
        }
        finally
        {
            File.Delete(json);
        }
    }
}
