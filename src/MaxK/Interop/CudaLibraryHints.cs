namespace MaxK.Interop;

/// <summary>
/// Folders <see cref="CudaLibraryResolver"/> may search besides the dynamic loader's own search path.
/// Pure data, so the candidate list can be computed and tested without a GPU.
/// </summary>
/// <param name="ExplicitDirectory">
/// The value of <see cref="CudaLibraryResolver.DirectoryEnvironmentVariable"/>: a folder holding the CUDA
/// libraries, or a PyTorch <c>torch/lib</c> folder whose pip-installed CUDA libraries sit in
/// <c>../../nvidia/…/lib</c>. Null when unset.
/// </param>
/// <param name="LoadedLibraryDirectories">
/// Folders of shared libraries already mapped into the process that matter here: libtorch's <c>torch/lib</c>
/// and any folder a CUDA runtime, cuSPARSE or cuBLAS was loaded from (read from <c>/proc/self/maps</c>).
/// </param>
/// <param name="ToolkitDirectories">
/// Library folders of an installed CUDA toolkit (searched last, as they are): e.g. <c>/usr/local/cuda/lib64</c>, which
/// the loader does not always know. Null or empty for none.
/// </param>
public sealed record CudaLibraryHints(string? ExplicitDirectory, IReadOnlyList<string> LoadedLibraryDirectories, IReadOnlyList<string>? ToolkitDirectories = null)
{
    /// <summary>No hints: only the bare sonames are tried.</summary>
    public static CudaLibraryHints None { get; } = new(null, []);

    /// <summary>
    /// Reads the environment variable, the process's memory map (Linux; elsewhere no loaded folders) and the existing
    /// toolkit library folders (<see cref="ToolkitLibraryDirectories"/>).
    /// </summary>
    public static CudaLibraryHints FromProcess()
    {
        var explicitDirectory = Environment.GetEnvironmentVariable(CudaLibraryResolver.DirectoryEnvironmentVariable);
        return new(string.IsNullOrWhiteSpace(explicitDirectory) ? null : explicitDirectory, LoadedDirectories(),
            ToolkitLibraryDirectories(Environment.GetEnvironmentVariable, Directory.Exists));
    }

    /// <summary>
    /// <c>lib64</c> and <c>targets/x86_64-linux/lib</c> under $CUDA_HOME, $CUDA_PATH and /usr/local/cuda, in that order,
    /// keeping those <paramref name="exists"/> accepts, without duplicates.
    /// </summary>
    public static IReadOnlyList<string> ToolkitLibraryDirectories(Func<string, string?> environment, Func<string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(exists);
        var folders = new List<string>();
        foreach (var home in new[] { environment("CUDA_HOME"), environment("CUDA_PATH"), "/usr/local/cuda" })
        {
            if (string.IsNullOrWhiteSpace(home))
                continue;
            foreach (var folder in new[] { Path.Combine(home, "lib64"), Path.Combine(home, "targets", "x86_64-linux", "lib") })
            {
                var full = Path.GetFullPath(folder);
                if (exists(full) && !folders.Contains(full))
                    folders.Add(full);
            }
        }
        return folders;
    }

    /// <summary>
    /// Folders of interesting libraries named in <paramref name="mapsText"/>, the text of <c>/proc/self/maps</c>
    /// (one mapping per line, the path in the last column), in order of first appearance.
    /// </summary>
    public static IReadOnlyList<string> ParseLoadedDirectories(string mapsText)
    {
        ArgumentNullException.ThrowIfNull(mapsText);
        var folders = new List<string>();
        foreach (var line in mapsText.Split('\n'))
        {
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
                continue;
            var path = line[slash..].Trim();
            var file = Path.GetFileName(path);
            if (!IsInteresting(file))
                continue;
            var folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder) && !folders.Contains(folder))
                folders.Add(folder);
        }
        return folders;
    }

    private static bool IsInteresting(string file) =>
        file.StartsWith("libtorch_cuda.so", StringComparison.Ordinal)
        || file.StartsWith("libc10_cuda.so", StringComparison.Ordinal)
        || file.StartsWith("libcudart.so", StringComparison.Ordinal)
        || file.StartsWith("libcusparse.so", StringComparison.Ordinal)
        || file.StartsWith("libcublas.so", StringComparison.Ordinal);

    private static IReadOnlyList<string> LoadedDirectories()
    {
        if (!OperatingSystem.IsLinux())
            return [];
        try
        {
            return ParseLoadedDirectories(File.ReadAllText("/proc/self/maps"));
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
