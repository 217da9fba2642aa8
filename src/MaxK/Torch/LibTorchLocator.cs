using System.Reflection;

namespace MaxK.Torch;

/// <summary>
/// Finds libtorch's shared libraries, trying in order:
/// 1. an explicit folder (option, else the <see cref="EnvironmentVariable"/> environment variable);
/// 2. the libtorch-cpu-linux-x64 NuGet package (CPU only), beside the app or in the package folders;
/// 3. an installed PyTorch, asked through python3 (<c>torch/lib</c>), which serves CUDA and CPU.
/// TorchSharp's own failure message hides the real cause; this one lists every attempt.
/// </summary>
public sealed class LibTorchLocator(LibTorchLocatorOptions options)
{
    /// <summary>Environment variable naming a libtorch folder explicitly.</summary>
    public const string EnvironmentVariable = "MAXK_LIBTORCH";

    private static readonly string[] CoreLibraries = ["libtorch.so", "libtorch_cpu.so", "libc10.so"];

    public LibTorchLocator()
        : this(LibTorchLocatorOptions.FromEnvironment())
    {
    }

    /// <summary>The libtorch-cpu package version this build was compiled against (from Directory.Packages.props).</summary>
    public static string LibTorchCpuVersion { get; } =
        typeof(LibTorchLocator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "LibTorchCpuVersion")?.Value ?? "2.10.0";

    /// <summary>Returns the first usable location or throws <see cref="LibTorchNotFoundException"/>.</summary>
    public LibTorchLocation Locate(TorchDevice device)
    {
        var attempts = new List<LocatorAttempt>();
        var found = TryExplicit(device, attempts) ?? TryPackage(device, attempts) ?? TryPython(device, attempts);
        return found ?? throw new LibTorchNotFoundException(device, attempts);
    }

    private LibTorchLocation? TryExplicit(TorchDevice device, List<LocatorAttempt> attempts)
    {
        var (dir, source) = options.ExplicitDirectory is { Length: > 0 } opt
            ? (opt, "explicit option --libtorch")
            : (options.EnvironmentDirectory, $"environment variable {EnvironmentVariable}");
        if (string.IsNullOrEmpty(dir))
        {
            attempts.Add(new(source, "not set"));
            return null;
        }
        return Check(dir, source, device, attempts);
    }

    private LibTorchLocation? TryPackage(TorchDevice device, List<LocatorAttempt> attempts)
    {
        var source = $"NuGet package libtorch-cpu-linux-x64 {LibTorchCpuVersion}";
        if (device == TorchDevice.Cuda)
        {
            attempts.Add(new(source, "skipped: the package is CPU-only and cannot serve CUDA"));
            return null;
        }
        var candidates = options.PackageSearchDirectories(LibTorchCpuVersion).ToList();
        foreach (var dir in candidates)
        {
            if (CoreLibraries.All(lib => File.Exists(Path.Combine(dir, lib))))
                return new LibTorchLocation(Path.GetFullPath(dir), source, HasCuda: false);
        }
        attempts.Add(new(source, "not found in " + (candidates.Count == 0 ? "(no folders)" : string.Join(", ", candidates))));
        return null;
    }

    private LibTorchLocation? TryPython(TorchDevice device, List<LocatorAttempt> attempts)
    {
        var source = $"PyTorch via '{options.PythonExecutable}'";
        var probe = options.ProbePython();
        if (probe.Error is not null)
        {
            attempts.Add(new(source, probe.Error));
            return null;
        }
        return Check(probe.LibDirectory!, $"{source} (torch {probe.TorchVersion})", device, attempts);
    }

    private static LibTorchLocation? Check(string dir, string source, TorchDevice device, List<LocatorAttempt> attempts)
    {
        if (!Directory.Exists(dir))
        {
            attempts.Add(new(source, $"folder '{dir}' does not exist"));
            return null;
        }
        var missing = CoreLibraries.Where(lib => !File.Exists(Path.Combine(dir, lib))).ToList();
        if (missing.Count > 0)
        {
            attempts.Add(new(source, $"folder '{dir}' lacks {string.Join(", ", missing)}"));
            return null;
        }
        var hasCuda = File.Exists(Path.Combine(dir, "libtorch_cuda.so"));
        if (device == TorchDevice.Cuda && !hasCuda)
        {
            attempts.Add(new(source, $"folder '{dir}' has no libtorch_cuda.so (a CPU-only build)"));
            return null;
        }
        return new LibTorchLocation(Path.GetFullPath(dir), source, hasCuda);
    }
}
