namespace MaxK.Harness.Kernels;

/// <summary>What a kernel section asks of one graph: dense width D, the k values and the seed of every input.</summary>
public sealed record KernelPlanRequest(string Graph, int Dim, IReadOnlyList<int> Ks, ulong Seed);
