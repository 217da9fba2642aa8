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
public sealed record CudaLibraryHints(string? ExplicitDirectory, IReadOnlyList<string> LoadedLibraryDirectories)
{
    /// <summary>No hints: only the bare sonames are tried.</summary>
    public static CudaLibraryHints None { get; } = new(null, []);

    /// <summary>Reads the environment variable and the process's memory map (Linux; elsewhere no loaded folders).</summary>
    public static CudaLibraryHints FromProcess()
    {
        var explicitDirectory = Environment.GetEnvironmentVariable(CudaLibraryResolver.DirectoryEnvironmentVariable);
        return new(string.IsNullOrWhiteSpace(explicitDirectory) ? null : explicitDirectory, LoadedDirectories());
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
