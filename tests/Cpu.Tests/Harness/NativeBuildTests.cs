using MaxK.Harness;
using MaxK.Harness.Toolchain;

namespace MaxK.Tests.Harness;

public class NativeBuildTests
{
    [Theory]
    [InlineData("sm_90", "90")]
    [InlineData("90", "90")]
    [InlineData("sm_90a", "90a")]
    [InlineData("compute_80", "80")]
    [InlineData(" SM_86 ", "86")]
    public void NormalisesArchitectures(string input, string expected) => Assert.Equal(expected, NativeBuild.NormalizeArchitecture(input));

    [Theory]
    [InlineData("hopper")]
    [InlineData("sm_")]
    [InlineData("9")]
    [InlineData("sm_9x")]
    public void RejectsNonArchitectures(string input) => Assert.Throws<HarnessException>(() => NativeBuild.NormalizeArchitecture(input));

    [Fact]
    public void WithoutAToolkitItSkipsWithAClearMessageAndSucceeds()
    {
        using var dir = new ScratchFolder();
        var log = new StringWriter();
        var env = new Dictionary<string, string?> { ["PATH"] = dir.Path };
        var exit = NativeBuild.Run(dir.Path, dir.File("build"), "sm_90", log, name => env.GetValueOrDefault(name), defaultCudaHome: dir.File("no-cuda"));
        Assert.Equal(0, exit);
        Assert.Contains("Native: skipped (no CUDA toolkit", log.ToString());
        Assert.False(Directory.Exists(dir.File("build")));
    }

    [Fact]
    public void FindsNvccThroughTheEnvironmentInOrder()
    {
        using var dir = new ScratchFolder();
        var home = dir.File("cuda");
        Directory.CreateDirectory(Path.Combine(home, "bin"));
        File.WriteAllText(Path.Combine(home, "bin", "nvcc"), "");
        var onPath = dir.File("path");
        Directory.CreateDirectory(onPath);
        File.WriteAllText(Path.Combine(onPath, "nvcc"), "");
        File.WriteAllText(Path.Combine(onPath, "cmake"), "");

        var env = new Dictionary<string, string?> { ["CUDA_HOME"] = home, ["PATH"] = onPath };
        var found = CudaToolkit.Find(name => env.GetValueOrDefault(name), out _, dir.File("no-cuda"));
        Assert.Equal(Path.Combine(home, "bin", "nvcc"), found!.NvccPath);
        Assert.Equal(Path.Combine(onPath, "cmake"), found.CmakePath);

        env.Remove("CUDA_HOME");
        Assert.Equal(Path.Combine(onPath, "nvcc"), CudaToolkit.Find(name => env.GetValueOrDefault(name), out _, dir.File("no-cuda"))!.NvccPath);
    }

    [Fact]
    public void FindsTheSourceFolderFromBelow()
    {
        using var dir = new ScratchFolder();
        var native = Path.Combine(dir.Path, "native", "cuda");
        Directory.CreateDirectory(native);
        File.WriteAllText(Path.Combine(native, "CMakeLists.txt"), "");
        var deep = Path.Combine(dir.Path, "a", "b");
        Directory.CreateDirectory(deep);
        Assert.Equal(native, NativeBuild.FindSourceDirectory(deep));
    }
}

public class NvccVersionTests
{
    [Theory]
    [InlineData("nvcc: NVIDIA (R) Cuda compiler driver\nCuda compilation tools, release 13.0, V13.0.88\n", 13, 0)]
    [InlineData("Cuda compilation tools, release 11.8, V11.8.89", 11, 8)]
    public void ParsesTheRelease(string output, int major, int minor) => Assert.Equal(new Version(major, minor), NvccVersion.Parse(output));

    [Fact]
    public void UnparseableOutputGivesNull() => Assert.Null(NvccVersion.Parse("command not found"));

    [Fact]
    public void SkipVariableWins()
    {
        var reason = NativeBuild.SkipReason(name => name == NativeBuild.SkipVariable ? "1" : null, "/nonexistent", out var toolkit);
        Assert.Equal("MAXK_SKIP_NATIVE=1", reason);
        Assert.Null(toolkit);
    }

    [Fact]
    public void AnOldToolkitIsSkippedWithItsVersion()
    {
        using var dir = new ScratchFolder();
        var nvcc = dir.File("nvcc");
        File.WriteAllText(nvcc, "#!/usr/bin/env bash\necho 'Cuda compilation tools, release 11.8, V11.8.89'\n");
        File.SetUnixFileMode(nvcc, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var reason = NativeBuild.SkipReason(name => name == "PATH" ? dir.Path : null, dir.File("none"), out var toolkit);
        Assert.Contains("is CUDA 11.8, but native/cuda needs CUDA 12.0 or newer", reason);
        Assert.Null(toolkit);
    }
}
