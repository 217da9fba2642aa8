namespace MaxK.Harness.Kernels;

/// <summary>
/// What a kernel case's graph is, known before it is loaded: the name cases and records carry, whether it is synthetic,
/// its label for pages, and the expected size (recorded when the graph fails to load). Graph-source fields a record
/// should carry (source spec, file hashes) belong here, so the record builder copies them in one place.
/// </summary>
public sealed record KernelGraphInfo(string Name, bool Synthetic, string Label, int Nodes, long Edges);
