namespace MaxK.Harness.Toolchain;

/// <summary>Configures and builds native/cuda with CMake and nvcc for the given GPU architecture.</summary>
public static class NativeBuild
{
    /// <summary>Normalises "sm_90", "90" or "90a" to CMake's CUDA_ARCHITECTURES form ("90", "90a").</summary>
    public static string NormalizeArchitecture(string arch)
    {
        var a = arch.Trim().ToLowerInvariant();
        if (a.StartsWith("sm_", StringComparison.Ordinal) || a.StartsWith("compute_", StringComparison.Ordinal))
            a = a[(a.IndexOf('_') + 1)..];
        if (a.Length < 2 || !char.IsAsciiDigit(a[0]) || !a.TrimEnd('a', 'f').All(char.IsAsciiDigit))
            throw new HarnessException($"'{arch}' is not a CUDA architecture: use e.g. sm_90, 90 or 90a.");
        return a;
    }

    /// <summary>The folder of the CMake project, searched from <paramref name="start"/> upwards.</summary>
    public static string? FindSourceDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "native", "cuda", "CMakeLists.txt");
            if (File.Exists(candidate))
                return Path.GetDirectoryName(candidate);
        }
        return null;
    }

    /// <summary>Builds, returning the process exit code; prints a skip message and returns 0 without a toolkit.</summary>
    public static int Run(string sourceDirectory, string buildDirectory, string arch, TextWriter log, Func<string, string?> environment, string defaultCudaHome = "/usr/local/cuda")
    {
        var cmakeArch = NormalizeArchitecture(arch);
        var toolkit = CudaToolkit.Find(environment, out var reason, defaultCudaHome);
        if (toolkit is null)
        {
            log.WriteLine($"Native: skipped ({reason}). The CPU paths still work; GPU kernels need a CUDA 12 or 13 toolkit.");
            return 0;
        }
        if (toolkit.CmakePath is null)
            throw new HarnessException("nvcc was found but cmake is not on PATH: install CMake ≥ 3.24 to build native/cuda.");
        log.WriteLine($"Native: building {sourceDirectory} with {toolkit.NvccPath} for sm_{cmakeArch}");
        var env = new Dictionary<string, string> { ["CUDACXX"] = toolkit.NvccPath };
        var configure = ProcessRunner.Run(toolkit.CmakePath, ["-S", sourceDirectory, "-B", buildDirectory,
            "-DCMAKE_BUILD_TYPE=Release", $"-DCMAKE_CUDA_ARCHITECTURES={cmakeArch}"], environment: env);
        if (configure != 0)
            return configure;
        return ProcessRunner.Run(toolkit.CmakePath, ["--build", buildDirectory, "-j", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)], environment: env);
    }
}
