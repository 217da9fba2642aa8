namespace MaxK.Harness.Runner;

/// <summary>
/// The exclusive claim of one <c>maxk bench</c> run on its output folder, held from before the journal is opened until
/// the result file is written, so two runs never write the same journal or result file. It is the file
/// <c>&lt;output&gt;/.maxk-bench.lock</c> opened with <see cref="FileShare.None"/>, which .NET on Linux backs with
/// <c>flock(LOCK_EX | LOCK_NB)</c>: it excludes other processes and other handles in the same process, and the kernel
/// drops it when the holder exits, even on SIGKILL, so a crashed run never leaves a stale lock (the file stays; it is
/// empty). Different output folders do not exclude each other (shards running side by side use one folder each).
/// </summary>
public sealed class OutputFolderLock : IDisposable
{
    /// <summary>The lock file's name inside the output folder.</summary>
    public const string FileName = ".maxk-bench.lock";

    private readonly FileStream _stream;

    private OutputFolderLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock on <paramref name="outputFolder"/> (created if missing), or throws a <see cref="HarnessException"/> saying another run holds it.</summary>
    public static OutputFolderLock Acquire(string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(outputFolder);
        Directory.CreateDirectory(outputFolder);
        var path = Path.Combine(outputFolder, FileName);
        try
        {
            return new OutputFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (File.Exists(path))
        {
            throw new HarnessException($"Output folder '{outputFolder}' is in use by another `maxk bench` run (it holds {path}); "
                + "wait for that run to finish, or give this one another --output.", ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
