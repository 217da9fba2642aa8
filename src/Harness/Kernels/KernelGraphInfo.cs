namespace MaxK.Harness.Kernels;

/// <summary>
/// What a kernel case's graph is: the name cases and records carry (a preset name or a graph source spec), whether it is
/// synthetic, its label for pages, and its size (expected for presets; 0 until a real source is loaded). For a real source,
/// <see cref="Source"/> (the spec) and <see cref="Files"/> (every file read, with its SHA-256); the record builder copies
/// them in one place.
/// </summary>
public sealed record KernelGraphInfo(string Name, bool Synthetic, string Label, int Nodes, long Edges)
{
    /// <summary>The graph source spec for graphs read from files or datasets; null for presets.</summary>
    public string? Source { get; init; }

    /// <summary>The files the graph was read from (name, bytes, SHA-256); empty for presets.</summary>
    public IReadOnlyList<KernelGraphFile> Files { get; init; } = [];
}

/// <summary>A file a kernel graph was read from: its name (no machine path), size and SHA-256 (lower-case hex).</summary>
public sealed record KernelGraphFile(string File, long Bytes, string Sha256);
