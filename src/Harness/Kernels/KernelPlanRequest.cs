namespace MaxK.Harness.Kernels;

/// <summary>
/// What a kernel section asks of one graph: dense width D, the k values, the seed of every input, and the peer
/// implementations the section lists (e.g. "maxk-gnn-released"; none by default).
/// </summary>
public sealed record KernelPlanRequest(string Graph, int Dim, IReadOnlyList<int> Ks, ulong Seed)
{
    public IReadOnlySet<string> Peers { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
