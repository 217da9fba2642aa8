namespace MaxK.Harness.Suites;

/// <summary>
/// One kernel measurement: which kernel and implementation, on which graph preset, at dense width
/// <see cref="Dim"/> and MaxK width <see cref="K"/> (0 for kernels without k, e.g. dense SpMM).
/// </summary>
public sealed record KernelCase(string Kernel, string Implementation, string Graph, int Dim, int K, ulong Seed)
{
    /// <summary>A dense SpMM run at width k (Dim = K) as the reference for MaxK's reduced width; adds "_width_k" to the id.</summary>
    public bool WidthK { get; init; }

    /// <summary>Stable case id carrying the configuration, e.g. maxk_forward_cpu_reference_fp32_k32_dim256_small-rmat.</summary>
    public string Id => $"{Kernel}_{Implementation}_fp32" + (K > 0 ? $"_k{K}" : "") + $"_dim{Dim}_{Graph}" + (WidthK ? "_width_k" : "");
}
