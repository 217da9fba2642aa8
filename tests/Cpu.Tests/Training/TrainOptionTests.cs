using MaxK.Interop;

namespace MaxK.Tests.Training;

/// <summary>
/// `maxk train` refuses bad options before it loads or trains anything (exit 2, one line, no file). At c08d25c
/// `--dropout NaN` and `--hidden 100000` crashed inside libtorch (exit 134), `--warmup-epochs -1` trained and wrote a
/// file that `results validate` rejects, and an unwritable `--json` failed only after the whole run.
/// </summary>
public class TrainOptionTests
{
    [Theory]
    [InlineData("--dropout is a probability in [0, 1), got NaN.", "--dropout", "NaN")]
    [InlineData("--input-dropout is a probability in [0, 1), got 1.", "--input-dropout", "1")]
    [InlineData("--warmup-epochs must be at least 0, got -1.", "--warmup-epochs", "-1")]
    [InlineData("--warmup-epochs 3 leaves no epoch to time", "--warmup-epochs", "3", "--epochs", "3")]
    [InlineData("--warmup-epochs 200 leaves no epoch to time: it must be below the number of epochs (200)", "--warmup-epochs", "200")] // Cora's default epochs
    [InlineData("--epochs must be at least 1, got 0.", "--epochs", "0")]
    [InlineData("--hidden must be at least 1, got 0.", "--hidden", "0")]
    [InlineData("--layers must be at least 1, got -2.", "--layers", "-2")]
    [InlineData("--k must be at least 1, got 0.", "--k", "0")]
    [InlineData("--k 100 is larger than --hidden 64", "--k", "100", "--hidden", "64", "--nonlinearity", "maxk")]
    [InlineData("--lr must be a positive finite number, got 0.", "--lr", "0")]
    [InlineData("--lr must be a positive finite number, got Infinity.", "--lr", "Infinity")]
    [InlineData("--weight-decay must be a finite number ≥ 0, got -1.", "--weight-decay", "-1")]
    public void ABadNumberIsRefusedBeforeAnythingRuns(string expected, params string[] options)
    {
        using var dir = new ScratchFolder();
        var json = dir.File("run.json");
        var run = Cli.Run(["train", "--dataset", "cora", .. options, "--json", json]);
        var line = Cli.AssertUserError(run);
        Assert.Contains(expected, line);
        Assert.Empty(run.Out);
        Assert.False(File.Exists(json));
    }

    [Fact]
    public void AnUnwritableJsonPathIsRefusedBeforeTraining()
    {
        using var dir = new ScratchFolder();
        File.WriteAllText(dir.File("a-file"), "");
        var json = Path.Combine(dir.File("a-file"), "run.json");
        var run = Cli.Run("train", "--dataset", "csbm-small", "--epochs", "2", "--json", json);
        var line = Cli.AssertUserError(run);
        Assert.Contains($"--json '{json}' cannot be written: '{dir.File("a-file")}' is a file, not a folder.", line);
        Assert.DoesNotContain("epoch", run.Out, StringComparison.Ordinal);

        line = Cli.AssertUserError(Cli.Run("train", "--dataset", "csbm-small", "--json", dir.Path));
        Assert.Contains("is a folder; give a file name", line);
    }

    [Fact]
    public void AModelTooLargeForThisHostIsRefusedBeforeLibtorchAllocatesIt()
    {
        var run = Cli.Run("train", "--dataset", "csbm-small", "--hidden", "100000", "--epochs", "2");
        var line = Cli.AssertUserError(run);
        Assert.Contains("--hidden 100000 with --layers 3 needs at least", line);
        Assert.Contains("lower --hidden or --layers", line);
        Assert.DoesNotContain("epoch ", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train", "--dataset", "cora", "--device", "cuda")]
    [InlineData("torch", "check", "--device", "cuda")]
    public void CudaWithoutADriverOrGpuSaysSo(params string[] args)
    {
        if (CudaDriverProbe.Probe() is { DeviceCount: > 0, Reason: null })
            Assert.Skip("a CUDA device is present here");
        var line = Cli.AssertUserError(Cli.Run(args));
        Assert.Contains("--device cuda: no NVIDIA driver/GPU on this host", line);
        Assert.Contains("use --device cpu", line);
    }

    [Fact]
    public void TheHelpShowsTheWordsTheDocsUseAndTheCsbmSyntax()
    {
        var (exit, help, _) = Cli.Run("train", "--help");
        Assert.Equal(0, exit);
        foreach (var expected in new[] { "--model <sage|gcn|gin>", "--nonlinearity <relu|maxk>", "--device <cpu|cuda>", "default gcn", "csbm:nodes=N,classes=C" })
            Assert.Contains(expected, help);
        Assert.DoesNotContain("Gcn", help, StringComparison.Ordinal);
        Assert.DoesNotContain("Relu", help, StringComparison.Ordinal);
    }

    [Fact]
    public void EnumValuesAreAcceptedInAnyCase()
    {
        // Parsed, then refused for the bad number: the words themselves are fine.
        var line = Cli.AssertUserError(Cli.Run("train", "--dataset", "cora", "--model", "SAGE", "--nonlinearity", "MaxK", "--device", "Cpu", "--epochs", "0"));
        Assert.Contains("--epochs must be at least 1", line);
    }
}
