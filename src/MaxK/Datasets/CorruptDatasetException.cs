namespace MaxK.Datasets;

/// <summary>A dataset file exists but cannot be decoded or is inconsistent with its siblings; <see cref="Path"/> names it.</summary>
public sealed class CorruptDatasetException : IOException
{
    public CorruptDatasetException(string path, string problem, Exception? innerException = null)
        : base($"Corrupt dataset file '{path}': {problem}", innerException)
    {
        Path = path;
    }

    /// <summary>The offending file.</summary>
    public string Path { get; }
}
