using System.Text.Json;
using MaxK.Datasets;
using MaxK.Datasets.Planetoid;
using MaxK.Harness.Cli;

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
    public void Cuda_IsAClearUserError()
    {
        var (exit, _, err) = Run("train", "--dataset", "cora", "--device", "cuda");
        Assert.Equal(MaxkCli.UserErrorExitCode, exit);
        Assert.Contains("not yet supported in this build", err);
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
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var root = doc.RootElement;
            Assert.Equal("sage", root.GetProperty("model").GetString());
            Assert.Equal("maxk", root.GetProperty("nonlinearity").GetString());
            Assert.Equal(16, root.GetProperty("k").GetInt32());
            Assert.InRange(root.GetProperty("test_accuracy").GetDouble(), 0, 1);
            Assert.True(root.GetProperty("epoch_ms_median").GetDouble() > 0);
            var epochs = root.GetProperty("epoch_records");
            Assert.Equal(3, epochs.GetArrayLength());
            var phases = epochs[0].GetProperty("phase_ms");
            foreach (var phase in new[] { "aggregation_forward", "aggregation_backward", "max_k_selection", "dense_layers", "optimizer" })
                Assert.True(phases.TryGetProperty(phase, out _), $"phase {phase} missing");
        }
        finally
        {
            File.Delete(json);
        }
    }
}
