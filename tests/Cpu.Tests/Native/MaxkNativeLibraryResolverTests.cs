using MaxK.Interop;
using MaxK.Native;

namespace MaxK.Tests.Native;

public class MaxkNativeLibraryResolverTests
{
    [Fact]
    public void CandidatesComeInTheDocumentedOrderWithoutDuplicates()
    {
        var candidates = MaxkNativeLibraryResolver.Candidates("/opt/lib/libmaxk_native.so", "/repo/src/Harness", "/repo/src/Harness/bin/net10.0");
        Assert.Equal("/opt/lib/libmaxk_native.so", candidates[0]);
        Assert.Equal("/repo/src/Harness/native/cuda/build/libmaxk_native.so", candidates[1]);
        Assert.Equal("/repo/src/native/cuda/build/libmaxk_native.so", candidates[2]);
        Assert.Equal("/repo/native/cuda/build/libmaxk_native.so", candidates[3]);
        Assert.Equal("/native/cuda/build/libmaxk_native.so", candidates[4]);
        Assert.Equal("/repo/src/Harness/bin/net10.0/native/cuda/build/libmaxk_native.so", candidates[5]);
        Assert.Equal("/repo/src/Harness/bin/native/cuda/build/libmaxk_native.so", candidates[6]);
        Assert.Equal("/repo/src/Harness/bin/net10.0/libmaxk_native.so", candidates[^2]);
        Assert.Equal("libmaxk_native.so", candidates[^1]);
        Assert.Equal(candidates.Distinct().Count(), candidates.Count);
        Assert.Equal(1, candidates.Count(c => c == "/repo/native/cuda/build/libmaxk_native.so"));
    }

    [Fact]
    public void WithoutTheVariableTheSearchStartsWithTheBuildOutput()
    {
        var candidates = MaxkNativeLibraryResolver.Candidates(null, "/w", "/w");
        Assert.Equal(["/w/native/cuda/build/libmaxk_native.so", "/native/cuda/build/libmaxk_native.so", "/w/libmaxk_native.so", "libmaxk_native.so"], candidates);
        Assert.Equal(candidates, MaxkNativeLibraryResolver.Candidates("  ", "/w", "/w"));
    }

    [Fact]
    public void LoadReturnsTheFirstAcceptedCandidate()
    {
        var tried = new List<string>();
        var (handle, candidate) = MaxkNativeLibraryResolver.Load(["/a", "/b", "/c"], c =>
        {
            tried.Add(c);
            return c == "/b" ? (new IntPtr(7), null) : (IntPtr.Zero, "nope");
        });
        Assert.Equal((new IntPtr(7), "/b"), (handle, candidate));
        Assert.Equal(["/a", "/b"], tried);
    }

    [Fact]
    public void FailureListsEveryAttemptAndSaysHowToBuildTheLibrary()
    {
        var candidates = MaxkNativeLibraryResolver.Candidates("/x/libmaxk_native.so", "/w", "/w");
        var ex = Assert.Throws<DllNotFoundException>(() => MaxkNativeLibraryResolver.Load(candidates, c => (IntPtr.Zero, $"error for {c}")));
        foreach (var candidate in candidates)
            Assert.Contains($"  {candidate}: error for {candidate}", ex.Message);
        Assert.Contains("`maxk native build`", ex.Message);
        Assert.Contains("./build.sh Native", ex.Message);
        Assert.Contains(MaxkNativeLibraryResolver.EnvironmentVariable, ex.Message);
        Assert.Contains(CudaLibraryResolver.DirectoryEnvironmentVariable, ex.Message);
    }

    [Fact]
    public void ServesOnlyItsLogicalNameAndAcceptsOnlyTheBindingsMinorVersion()
    {
        Assert.True(MaxkNativeLibraryResolver.Serves("maxk_native"));
        Assert.False(MaxkNativeLibraryResolver.Serves("cudart"));
        Assert.False(CudaLibraryResolver.Serves("maxk_native"));
        Assert.True(MaxkNative.IsCompatible(0, 3));
        Assert.False(MaxkNative.IsCompatible(0, 2));
        Assert.False(MaxkNative.IsCompatible(1, 3));
    }

    [Fact]
    public void BothResolversShareOneRegistrationPerAssembly()
    {
        var assembly = typeof(MaxkNativeLibraryResolverTests).Assembly;
        CudaLibraryResolver.Register(assembly);
        MaxkNativeLibraryResolver.Register(assembly);
        MaxkNativeLibraryResolver.Register(assembly);
    }

    [Fact]
    public void AMissingAbsoluteCandidateIsReportedAsNotPresent()
    {
        var (handle, error) = MaxkNativeLibraryResolver.TryLoadCompatible("/nonexistent-maxk-folder/libmaxk_native.so");
        Assert.Equal(IntPtr.Zero, handle);
        Assert.Equal("not present", error);
    }

    [Theory]
    [InlineData("libcudart.so.12: cannot open shared object file: No such file or directory", "libcudart.so.12")]
    [InlineData("/b/libmaxk_native.so: libcudart.so.13: cannot open shared object file: No such file or directory", "libcudart.so.13")]
    [InlineData("libcusparse.so.12: cannot open shared object file", null)]
    [InlineData("not present", null)]
    [InlineData(null, null)]
    public void AMissingCudaRuntimeIsRecognisedInTheLoadersError(string? dlerror, string? soname) =>
        Assert.Equal(soname, MaxkNativeLibraryResolver.MissingCudaRuntime(dlerror));

    [Fact]
    public void ToolkitLibraryFoldersAreSearchedLastForTheCudaRuntime()
    {
        var env = new Dictionary<string, string?> { ["CUDA_HOME"] = "/opt/cuda-12.9", ["CUDA_PATH"] = "/opt/cuda-12.9" };
        var folders = CudaLibraryHints.ToolkitLibraryDirectories(env.GetValueOrDefault, dir => dir != "/opt/cuda-12.9/lib64");
        Assert.Equal(["/opt/cuda-12.9/targets/x86_64-linux/lib", "/usr/local/cuda/lib64", "/usr/local/cuda/targets/x86_64-linux/lib"], folders);
        Assert.Empty(CudaLibraryHints.ToolkitLibraryDirectories(_ => null, _ => false));

        var hints = new CudaLibraryHints("/x/torch/lib", [], ["/usr/local/cuda/lib64"]);
        var searched = CudaLibraryResolver.SearchDirectories(CudaLibraryResolver.Runtime, hints);
        Assert.Equal("/usr/local/cuda/lib64", searched[^1]);
        Assert.Equal("/x/torch/lib", searched[0]);
        Assert.Contains("/usr/local/cuda/lib64/libcudart.so.12", CudaLibraryResolver.Candidates(CudaLibraryResolver.Runtime, hints));
    }
}
