using MaxK.Interop;

namespace MaxK.Tests.Interop;

public class CudaLibraryResolverTests
{
    [Fact]
    public void SonamesArePreferredNewestFirst()
    {
        Assert.Equal(["libcudart.so.13", "libcudart.so.12"], CudaLibraryResolver.Sonames("cudart"));
        Assert.Equal(["libcusparse.so.12"], CudaLibraryResolver.Sonames("cusparse"));
        Assert.Equal(["libcublas.so.13", "libcublas.so.12"], CudaLibraryResolver.Sonames("cublas"));
        Assert.Empty(CudaLibraryResolver.Sonames("cudnn"));
        Assert.Empty(CudaLibraryResolver.Candidates("LibTorchSharp", CudaLibraryHints.None));
    }

    [Fact]
    public void WithoutHintsOnlyBareSonamesAreTried()
    {
        Assert.Equal(["libcudart.so.13", "libcudart.so.12"], CudaLibraryResolver.Candidates("cudart", CudaLibraryHints.None));
    }

    [Fact]
    public void HintFolderAddsItselfAndPipLayoutsAfterEachBareSoname()
    {
        var torchLib = "/opt/py/site-packages/torch/lib";
        var candidates = CudaLibraryResolver.Candidates("cusparse", new CudaLibraryHints(torchLib, []));
        Assert.Equal(
            [
                "libcusparse.so.12",
                "/opt/py/site-packages/torch/lib/libcusparse.so.12",
                "/opt/py/site-packages/nvidia/cu13/lib/libcusparse.so.12",
                "/opt/py/site-packages/nvidia/cu12/lib/libcusparse.so.12",
                "/opt/py/site-packages/nvidia/cusparse/lib/libcusparse.so.12",
            ],
            candidates);
    }

    [Fact]
    public void VersionOrderWinsOverFolderOrder()
    {
        var candidates = CudaLibraryResolver.Candidates("cublas", new CudaLibraryHints("/cuda/lib64", []));
        var firstTwelve = candidates.ToList().FindIndex(c => c.EndsWith(".so.12", StringComparison.Ordinal));
        Assert.True(candidates.Take(firstTwelve).All(c => c.EndsWith(".so.13", StringComparison.Ordinal)));
        Assert.Equal("libcublas.so.12", candidates[firstTwelve]);
        Assert.Contains("/nvidia/cublas/lib/libcublas.so.13", string.Join(";", candidates));
        Assert.Contains("/cuda/lib64/libcublas.so.13", candidates);
    }

    [Fact]
    public void LoadedFoldersFollowTheExplicitOneWithoutDuplicates()
    {
        var hints = new CudaLibraryHints("/a/torch/lib", ["/a/torch/lib", "/b/nvidia/cu13/lib"]);
        var folders = CudaLibraryResolver.SearchDirectories("cudart", hints);
        Assert.Equal(folders.Distinct().Count(), folders.Count);
        Assert.Equal("/a/torch/lib", folders[0]);
        Assert.Contains("/a/nvidia/cuda_runtime/lib", folders);
        Assert.True(folders.ToList().IndexOf("/b/nvidia/cu13/lib") > folders.ToList().IndexOf("/a/nvidia/cuda_runtime/lib"));
    }

    [Fact]
    public void ParsesLoadedLibraryFoldersFromProcMaps()
    {
        const string maps =
            "7f00-7f01 r-xp 00000000 08:01 1 /usr/lib/x86_64-linux-gnu/libc.so.6\n"
            + "7f02-7f03 r-xp 00000000 08:01 2 /opt/py/site-packages/torch/lib/libtorch_cuda.so\n"
            + "7f04-7f05 r--p 00000000 08:01 2 /opt/py/site-packages/torch/lib/libtorch_cuda.so\n"
            + "7f06-7f07 r-xp 00000000 08:01 3 /opt/py/site-packages/nvidia/cu13/lib/libcudart.so.13\n"
            + "7f08-7f09 rw-p 00000000 00:00 0 [heap]\n"
            + "7f0a-7f0b rw-p 00000000 00:00 0\n";
        Assert.Equal(
            ["/opt/py/site-packages/torch/lib", "/opt/py/site-packages/nvidia/cu13/lib"],
            CudaLibraryHints.ParseLoadedDirectories(maps));
    }

    [Fact]
    public void LoadReturnsTheFirstCandidateTheLoaderAccepts()
    {
        var tried = new List<string>();
        var handle = CudaLibraryResolver.Load("cudart", new CudaLibraryHints("/x/torch/lib", []), c =>
        {
            tried.Add(c);
            return c == "/x/nvidia/cu13/lib/libcudart.so.13" ? (new IntPtr(42), null) : (IntPtr.Zero, "nope");
        });
        Assert.Equal(new IntPtr(42), handle);
        Assert.Equal(["libcudart.so.13", "/x/torch/lib/libcudart.so.13", "/x/nvidia/cu13/lib/libcudart.so.13"], tried);
    }

    [Fact]
    public void FailureListsEveryAttemptAndTheFix()
    {
        var ex = Assert.Throws<DllNotFoundException>(() =>
            CudaLibraryResolver.Load("cusparse", new CudaLibraryHints("/x/torch/lib", []), c => (IntPtr.Zero, $"error for {c}")));
        foreach (var candidate in CudaLibraryResolver.Candidates("cusparse", new CudaLibraryHints("/x/torch/lib", [])))
            Assert.Contains($"{candidate}: error for {candidate}", ex.Message);
        Assert.Contains(CudaLibraryResolver.DirectoryEnvironmentVariable, ex.Message);
    }

    [Fact]
    public void UnknownLogicalNameIsAnArgumentError()
    {
        Assert.Throws<ArgumentException>(() => CudaLibraryResolver.Load("cudnn", CudaLibraryHints.None, _ => (IntPtr.Zero, null)));
    }

    [Fact]
    public void MissingAbsoluteCandidateIsReportedAsNotPresent()
    {
        var (handle, error) = CudaLibraryResolver.TryLoadNative("/nonexistent-maxk-folder/libcudart.so.13");
        Assert.Equal(IntPtr.Zero, handle);
        Assert.Equal("not present", error);
    }

    [Fact]
    public void RegisteringTwiceIsHarmless()
    {
        CudaLibraryResolver.Register(typeof(CudaLibraryResolverTests).Assembly);
        CudaLibraryResolver.Register(typeof(CudaLibraryResolverTests).Assembly);
    }

    [Fact]
    public void WithoutCudaARuntimeCallFailsWithTheResolversMessage()
    {
        if (CudaLibraryResolver.Candidates("cudart", CudaLibraryHints.FromProcess()).Any(c => CudaLibraryResolver.TryLoadNative(c).Handle != IntPtr.Zero))
            Assert.Skip("a CUDA runtime is installed here");
        var ex = Assert.Throws<DllNotFoundException>(() => CudaRuntime.cudaGetDeviceCount(out _));
        Assert.Contains("libcudart.so.13", ex.Message);
        Assert.Contains("libcudart.so.12", ex.Message);
    }
}
