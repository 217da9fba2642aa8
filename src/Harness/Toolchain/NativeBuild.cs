namespace MaxK.Harness.Toolchain;

/// <summary>Configures and builds native/cuda with CMake and nvcc for the given GPU architecture.</summary>
public static class NativeBuild
{
    /// <summary>Set to 1 to skip the native build (CPU-only machines that happen to carry an nvcc).</summary>
    public const string SkipVariable = "MAXK_SKIP_NATIVE";

    /// <summary>Host C++ compiler for nvcc (CMAKE_CUDA_HOST_COMPILER), e.g. clang++-14 where gcc is too new for nvcc.</summary>
    public const string HostCompilerVariable = "MAXK_CUDA_HOST_COMPILER";

    /// <summary>Why the native build must be skipped on this host, or null (then <paramref name="toolkit"/> is set).</summary>
    public static string? SkipReason(Func<string, string?> environment, string defaultCudaHome, out CudaToolkit? toolkit)
    {
        toolkit = null;
        if (environment(SkipVariable) == "1")
            return $"{SkipVariable}=1";
        toolkit = CudaToolkit.Find(environment, out var reason, defaultCudaHome);
        if (toolkit is null)
            return reason;
        var version = NvccVersion.Query(toolkit.NvccPath);
        if (version is not null && version < NvccVersion.Minimum)
        {
            var found = toolkit.NvccPath;
            toolkit = null;
            return $"{found} is CUDA {version}, but native/cuda needs CUDA {NvccVersion.Minimum} or newer";
        }
        return null;
    }

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
        var skip = SkipReason(environment, defaultCudaHome, out var toolkit);
        if (skip is not null || toolkit is null)
        {
            log.WriteLine($"Native: skipped ({skip}). The CPU paths still work; GPU kernels need a CUDA 12 or 13 toolkit.");
            return 0;
        }
        if (toolkit.CmakePath is null)
            throw new HarnessException("nvcc was found but cmake is not on PATH: install CMake ≥ 3.24 to build native/cuda.");
        log.WriteLine($"Native: building {sourceDirectory} with {toolkit.NvccPath} for sm_{cmakeArch}");
        var env = new Dictionary<string, string> { ["CUDACXX"] = toolkit.NvccPath };
        List<string> configureArgs = ["-S", sourceDirectory, "-B", buildDirectory, "-DCMAKE_BUILD_TYPE=Release", $"-DCMAKE_CUDA_ARCHITECTURES={cmakeArch}"];
        if (environment(HostCompilerVariable) is { Length: > 0 } hostCompiler)
            configureArgs.Add($"-DCMAKE_CUDA_HOST_COMPILER={hostCompiler}");
        var configure = ProcessRunner.Run(toolkit.CmakePath, configureArgs, environment: env);
        if (configure != 0)
            return configure;
        return ProcessRunner.Run(toolkit.CmakePath, ["--build", buildDirectory, "-j", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)], environment: env);
    }
}
