namespace MaxK.Harness.Toolchain;

/// <summary>A CUDA toolkit found on this host: nvcc's path, and the CMake to drive it.</summary>
public sealed record CudaToolkit(string NvccPath, string? CmakePath)
{
    /// <summary>
    /// Looks for nvcc in $CUDACXX, $CUDA_HOME/bin, $CUDA_PATH/bin, PATH, then /usr/local/cuda/bin.
    /// Returns null with <paramref name="reason"/> set when none is present.
    /// </summary>
    public static CudaToolkit? Find(Func<string, string?> environment, out string reason, string defaultCudaHome = "/usr/local/cuda")
    {
        var candidates = new List<string>();
        if (environment("CUDACXX") is { Length: > 0 } cxx)
            candidates.Add(cxx);
        foreach (var home in new[] { environment("CUDA_HOME"), environment("CUDA_PATH") })
        {
            if (home is { Length: > 0 })
                candidates.Add(Path.Combine(home, "bin", "nvcc"));
        }
        candidates.AddRange(SearchPath(environment("PATH"), "nvcc"));
        candidates.Add(Path.Combine(defaultCudaHome, "bin", "nvcc"));
        var nvcc = candidates.FirstOrDefault(File.Exists);
        if (nvcc is null)
        {
            reason = "no CUDA toolkit: nvcc was not found in $CUDACXX, $CUDA_HOME/bin, $CUDA_PATH/bin, PATH or /usr/local/cuda/bin";
            return null;
        }
        reason = "";
        return new CudaToolkit(Path.GetFullPath(nvcc), SearchPath(environment("PATH"), "cmake").FirstOrDefault(File.Exists));
    }

    private static IEnumerable<string> SearchPath(string? path, string exe) =>
        (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, exe));
}
