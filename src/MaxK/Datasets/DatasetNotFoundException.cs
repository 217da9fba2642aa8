namespace MaxK.Datasets;

/// <summary>
/// A dataset folder or some of its files are absent. The message names the folder (or every folder searched), the
/// files it should hold and the ones that are missing.
/// </summary>
public sealed class DatasetNotFoundException : IOException
{
    public DatasetNotFoundException(string directory, IReadOnlyList<string> expectedFiles, IReadOnlyList<string> missingFiles)
        : this($"Dataset files not found in folder '{directory}'" +
               (Directory.Exists(directory) ? "" : " (the folder does not exist)") +
               $": missing {string.Join(", ", missingFiles)}; expected files: {string.Join(", ", expectedFiles)}.",
            directory, expectedFiles, missingFiles)
    {
    }

    /// <summary>A not-found error with its own message (e.g. naming every folder searched).</summary>
    public DatasetNotFoundException(string message, string directory, IReadOnlyList<string> expectedFiles, IReadOnlyList<string> missingFiles)
        : base(message)
    {
        DirectoryPath = directory;
        ExpectedFiles = expectedFiles;
        MissingFiles = missingFiles;
    }

    /// <summary>The folder the files were expected in (the first one searched).</summary>
    public string DirectoryPath { get; }

    public IReadOnlyList<string> ExpectedFiles { get; }

    public IReadOnlyList<string> MissingFiles { get; }
}
