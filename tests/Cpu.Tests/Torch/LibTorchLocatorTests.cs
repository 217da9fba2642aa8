using MaxK.Torch;

namespace MaxK.Tests.Torch;

public sealed class LibTorchLocatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("maxk-locator-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string FakeLibTorch(string name, bool cuda)
    {
        var dir = Path.Combine(_root, name);
        Directory.CreateDirectory(dir);
        foreach (var lib in new[] { "libtorch.so", "libtorch_cpu.so", "libc10.so" }.Concat(cuda ? ["libtorch_cuda.so"] : []))
            File.WriteAllText(Path.Combine(dir, lib), "");
        return dir;
    }

    private static PythonTorchProbe NoPython() => PythonTorchProbe.Failed("'python3' is not available (test)");

    [Fact]
    public void ExplicitOptionWinsOverEverything()
    {
        var dir = FakeLibTorch("explicit", cuda: false);
        var options = new LibTorchLocatorOptions { ExplicitDirectory = dir, EnvironmentDirectory = FakeLibTorch("env", false), PythonProbe = NoPython };
        var found = new LibTorchLocator(options).Locate(TorchDevice.Cpu);
        Assert.Equal(dir, found.Directory);
        Assert.Contains("explicit", found.Source);
    }

    [Fact]
    public void EnvironmentVariableIsUsedWhenNoOption()
    {
        var dir = FakeLibTorch("env", cuda: true);
        var found = new LibTorchLocator(new() { EnvironmentDirectory = dir, PythonProbe = NoPython }).Locate(TorchDevice.Cuda);
        Assert.Equal(dir, found.Directory);
        Assert.True(found.HasCuda);
    }

    [Fact]
    public void CpuFallsBackToThePackageFolder()
    {
        var packages = Path.Combine(_root, "packages");
        var native = Path.Combine(packages, "libtorch-cpu-linux-x64", LibTorchLocator.LibTorchCpuVersion, "runtimes", "linux-x64", "native");
        Directory.CreateDirectory(native);
        foreach (var lib in new[] { "libtorch.so", "libtorch_cpu.so", "libc10.so" })
            File.WriteAllText(Path.Combine(native, lib), "");
        var found = new LibTorchLocator(new() { NuGetPackageRoots = [packages], PythonProbe = NoPython }).Locate(TorchDevice.Cpu);
        Assert.Equal(native, found.Directory);
    }

    [Fact]
    public void CudaSkipsTheCpuPackageAndAsksPython()
    {
        var dir = FakeLibTorch("site-packages-torch-lib", cuda: true);
        var options = new LibTorchLocatorOptions { PythonProbe = () => new PythonTorchProbe(dir, "2.11.0+cu130", null) };
        var found = new LibTorchLocator(options).Locate(TorchDevice.Cuda);
        Assert.Equal(dir, found.Directory);
        Assert.Contains("2.11.0+cu130", found.Source);
    }

    [Fact]
    public void FailureListsEveryAttemptInOrderWithItsReason()
    {
        var cpuOnly = FakeLibTorch("cpu-only", cuda: false);
        var options = new LibTorchLocatorOptions
        {
            EnvironmentDirectory = cpuOnly,
            NuGetPackageRoots = [Path.Combine(_root, "nothing")],
            PythonProbe = () => PythonTorchProbe.Failed("'import torch' failed (exit 1): ModuleNotFoundError: No module named 'torch'"),
        };
        var ex = Assert.Throws<LibTorchNotFoundException>(() => new LibTorchLocator(options).Locate(TorchDevice.Cuda));
        Assert.Equal(3, ex.Attempts.Count);
        Assert.Contains("no libtorch_cuda.so", ex.Attempts[0].Outcome);
        Assert.Contains("CPU-only", ex.Attempts[1].Outcome);
        Assert.Contains("No module named 'torch'", ex.Attempts[2].Outcome);
        Assert.Contains(LibTorchLocator.EnvironmentVariable, ex.Message);
    }

    [Fact]
    public void MissingFoldersAndFilesAreNamed()
    {
        var missing = Path.Combine(_root, "absent");
        var ex = Assert.Throws<LibTorchNotFoundException>(() =>
            new LibTorchLocator(new() { ExplicitDirectory = missing, PythonProbe = NoPython }).Locate(TorchDevice.Cpu));
        Assert.Contains($"folder '{missing}' does not exist", ex.Message);
        Assert.Contains("not found in", ex.Attempts[1].Outcome);
        Assert.Contains("python3", ex.Attempts[2].Outcome);
    }

    [Fact]
    public void RealProbeReportsAMissingInterpreterWithoutThrowing()
    {
        var probe = PythonTorchProbe.Run("/nonexistent/python3", TimeSpan.FromSeconds(5));
        Assert.NotNull(probe.Error);
        Assert.Null(probe.LibDirectory);
    }
}
