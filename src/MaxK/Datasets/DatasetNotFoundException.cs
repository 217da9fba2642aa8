namespace MaxK.Datasets;

/// <summary>
/// A dataset folder or some of its files are absent. The message names the folder, the files it should hold
/// and the ones that are missing.
/// </summary>
public sealed class DatasetNotFoundException(string directory, IReadOnlyList<string> expectedFiles, IReadOnlyList<string> missingFiles)
    : IOException(
        $"Dataset files not found in folder '{directory}'" +
        (Directory.Exists(directory) ? "" : " (the folder does not exist)") +
        $": missing {string.Join(", ", missingFiles)}; expected files: {string.Join(", ", expectedFiles)}.")
{
    public string DirectoryPath { get; } = directory;

    public IReadOnlyList<string> ExpectedFiles { get; } = expectedFiles;

    public IReadOnlyList<string> MissingFiles { get; } = missingFiles;
}
