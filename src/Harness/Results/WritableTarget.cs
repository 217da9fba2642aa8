namespace MaxK.Harness.Results;

/// <summary>
/// Checks, before a long run starts, that its output file can be written later: the path is not a folder, no part of
/// its folder is a file, and the deepest existing folder accepts a new file (a probe file, deleted at once). Creates
/// no folder, so a refused or failed run leaves nothing behind.
/// </summary>
public static class WritableTarget
{
    /// <param name="path">The file the run will write.</param>
    /// <param name="option">The option that named it, for the message (e.g. "--json").</param>
    /// <exception cref="HarnessException">The file cannot be written there; the message says why.</exception>
    public static void Check(string path, string option)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
            throw new HarnessException($"{option} needs a file name.");
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new HarnessException($"{option} '{path}' is a folder; give a file name.");
        var folder = Path.GetDirectoryName(full)!;
        while (!Directory.Exists(folder))
        {
            if (File.Exists(folder))
                throw new HarnessException($"{option} '{path}' cannot be written: '{folder}' is a file, not a folder.");
            folder = Path.GetDirectoryName(folder) ?? throw new HarnessException($"{option} '{path}' cannot be written: no folder of it exists.");
        }
        try
        {
            using var probe = new FileStream(Path.Combine(folder, $".maxk-write-probe-{Environment.ProcessId}-{Guid.NewGuid():N}"),
                FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new HarnessException($"{option} '{path}' cannot be written: no new file can be created in '{folder}' ({ex.GetType().Name}); choose another path.", ex);
        }
    }
}
