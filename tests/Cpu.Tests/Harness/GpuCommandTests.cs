using MaxK.Harness;
using MaxK.Harness.Cli;
using MaxK.Harness.Provenance;
using MaxK.Interop;

namespace MaxK.Tests.Harness;

/// <summary>`maxk verify` and `maxk kernels` without a usable GPU, and their argument errors (all exit code 2).</summary>
public class GpuCommandTests
{
    private static (int Exit, string Output, string Error) Maxk(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = MaxkCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static void SkipOnAGpuHost()
    {
        if (CudaDriverProbe.Probe().DeviceCount > 0)
            Assert.Skip("a CUDA device is present: the command would run for real");
    }

    [Fact]
    public void VerifyWithoutAGpuIsAUserErrorWithTheReason()
    {
        SkipOnAGpuHost();
        var (exit, _, error) = Maxk("verify", "--seed", "3");
        Assert.Equal(MaxkCli.UserErrorExitCode, exit);
        Assert.Contains("maxk verify needs a CUDA GPU", error);
        Assert.Contains(CudaDriverProbe.Probe().Reason!, error);
    }

    [Fact]
    public void KernelsWithoutAGpuIsAUserErrorAndWritesNothing()
    {
        SkipOnAGpuHost();
        using var dir = new ScratchFolder();
        var (exit, _, error) = Maxk("kernels", "--graph", "tiny-uniform,tiny-rmat", "--k", "8,16", "--dim", "64", "--output", dir.Path);
        Assert.Equal(MaxkCli.UserErrorExitCode, exit);
        Assert.Contains("maxk kernels needs a CUDA GPU", error);
        Assert.Empty(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("'x' is neither a graph preset", "--graph", "x")]
    [InlineData("lists a preset twice", "--graph", "tiny-uniform,tiny-uniform")]
    [InlineData("--dim 48 is not supported", "--dim", "48")]
    [InlineData("--dim 8192 is not supported", "--dim", "8192")]
    [InlineData("--k 300 is outside [1, min(256, D = 256)]", "--k", "16,300")]
    [InlineData("--k 64 is outside [1, min(256, D = 32)] = [1, 32]", "--dim", "32", "--k", "64")]
    [InlineData("--k 0 is outside", "--k", "0")]
    [InlineData("'x' is not one", "--k", "16,x")]
    [InlineData("--k lists a value twice", "--k", "16,16")]
    [InlineData("--k needs at least one value", "--k", ",")]
    [InlineData("--runs must be at least 1", "--runs", "0")]
    [InlineData("--warmup must be at least 0", "--warmup", "-1")]
    public void KernelsArgumentErrorsAreReportedBeforeLookingForAGpu(string message, params string[] args)
    {
        var (exit, _, error) = Maxk(["kernels", .. args]);
        Assert.Equal(MaxkCli.UserErrorExitCode, exit);
        Assert.Contains(message, error);
    }

    [Fact]
    public void TheHelpListsTheGpuCommands()
    {
        var (exit, output, _) = Maxk("--help");
        Assert.Equal(0, exit);
        Assert.Contains("kernels", output);
        Assert.Contains("verify", output);
        var kernels = Maxk("kernels", "--help").Output;
        foreach (var option in new[] { "--graph", "--dim", "--k", "--runs", "--warmup", "--seed", "--output" })
            Assert.Contains(option, kernels);
    }

    [Fact]
    public void TheEnvironmentNamesTheFirstMissingPiece()
    {
        (int, int, string?) driverOk = (1, 13000, null);
        Assert.True(GpuEnvironment.Evaluate(() => driverOk, () => null, () => null, () => null).Available);

        var noDriver = GpuEnvironment.Evaluate(() => (0, 0, "no NVIDIA driver"), () => throw new InvalidOperationException(), () => null, () => null);
        Assert.Equal("no NVIDIA driver", noDriver.UnavailableReason);
        Assert.Equal("the NVIDIA driver reports no CUDA device", GpuEnvironment.Evaluate(() => (0, 13000, null), () => null, () => null, () => null).UnavailableReason);
        Assert.StartsWith("the CUDA runtime is unusable: no cudart", GpuEnvironment.Evaluate(() => driverOk, () => "no cudart", () => null, () => null).UnavailableReason);
        Assert.StartsWith("cuSPARSE is unavailable", GpuEnvironment.Evaluate(() => driverOk, () => null, () => null, () => "no cusparse").UnavailableReason);

        var noNative = GpuEnvironment.Evaluate(() => driverOk, () => null, () => "Could not load the MaxK native library … build it with `maxk native build`", () => "not asked");
        Assert.Equal("the MaxK native library is unavailable: Could not load the MaxK native library … build it with `maxk native build`", noNative.UnavailableReason);
        var ex = Assert.Throws<HarnessException>(() => GpuEnvironment.Require("maxk verify", () => noNative));
        Assert.Contains("maxk verify needs a CUDA GPU, the CUDA runtime, cuSPARSE and the MaxK native library: the MaxK native library is unavailable", ex.Message);
    }
}
