namespace MaxK.Torch;

/// <summary>Inputs of <see cref="LibTorchLocator"/>; injectable so every branch is testable.</summary>
public sealed class LibTorchLocatorOptions
{
    /// <summary>A folder given on the command line (wins over the environment variable).</summary>
    public string? ExplicitDirectory { get; init; }

    /// <summary>The value of <see cref="LibTorchLocator.EnvironmentVariable"/>.</summary>
    public string? EnvironmentDirectory { get; init; }

    /// <summary>Folders that may hold NuGet packages (NUGET_PACKAGES, ~/.nuget/packages).</summary>
    public IReadOnlyList<string> NuGetPackageRoots { get; init; } = [];

    /// <summary>The application folder (natives may be copied beside the app).</summary>
    public string? AppDirectory { get; init; }

    /// <summary>The Python interpreter to ask (MAXK_PYTHON, default python3).</summary>
    public string PythonExecutable { get; init; } = "python3";

    /// <summary>Runs the Python probe; replaced in tests.</summary>
    public Func<PythonTorchProbe>? PythonProbe { get; init; }

    public PythonTorchProbe ProbePython() =>
        PythonProbe?.Invoke() ?? PythonTorchProbe.Run(PythonExecutable, TimeSpan.FromSeconds(90));

    /// <summary>Candidate folders for the libtorch-cpu package's natives, most specific first.</summary>
    public IEnumerable<string> PackageSearchDirectories(string version)
    {
        if (AppDirectory is not null)
        {
            yield return Path.Combine(AppDirectory, "runtimes", "linux-x64", "native");
            yield return AppDirectory;
        }
        foreach (var root in NuGetPackageRoots)
            yield return Path.Combine(root, "libtorch-cpu-linux-x64", version, "runtimes", "linux-x64", "native");
    }

    /// <summary>Reads the process environment.</summary>
    public static LibTorchLocatorOptions FromEnvironment(string? explicitDirectory = null) => new()
    {
        ExplicitDirectory = explicitDirectory,
        EnvironmentDirectory = Environment.GetEnvironmentVariable(LibTorchLocator.EnvironmentVariable),
        NuGetPackageRoots = NuGetPackageFolders.Roots(),
        AppDirectory = AppContext.BaseDirectory,
        PythonExecutable = Environment.GetEnvironmentVariable("MAXK_PYTHON") is { Length: > 0 } py ? py : "python3",
    };
}
