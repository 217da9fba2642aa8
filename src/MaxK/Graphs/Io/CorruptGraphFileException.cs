namespace MaxK.Graphs.Io;

/// <summary>A raw CSR file whose size or content cannot be a valid array; <see cref="Path"/> names the file.</summary>
public sealed class CorruptGraphFileException(string path, string problem)
    : IOException($"Corrupt graph file '{path}': {problem}")
{
    /// <summary>The offending file.</summary>
    public string Path { get; } = path;
}
