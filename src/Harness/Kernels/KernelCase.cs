using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Kernels;

/// <summary>
/// One kernel measurement: which kernel and implementation, on which graph, at dense width <see cref="Dim"/> and MaxK
/// width <see cref="K"/> (0 for kernels without k, e.g. dense SpMM).
/// </summary>
public sealed record KernelCase(string Kernel, string Implementation, string Graph, int Dim, int K, ulong Seed)
{
    /// <summary>A dense SpMM run at width k (Dim = K) as the reference for MaxK's reduced width; adds "_width_k" to the id.</summary>
    public bool WidthK { get; init; }

    /// <summary>
    /// A named variant of the kernel (a check of the verification grid, e.g. "u16" or "u8, tuned: scalar slots"); null for
    /// the plain kernel. Adds its slug to the id ("_u8-tuned-scalar-slots").
    /// </summary>
    public string? Variant { get; init; }

    /// <summary>
    /// How the GPU case is timed. The default (CUDA events, L2 flushed) adds nothing to the id; another protocol adds its
    /// word ("_released-host-mean4"), so both can be measured in one run.
    /// </summary>
    public TimingProtocol Protocol { get; init; } = TimingProtocol.CudaEventsL2Flushed;

    /// <summary>Stable case id carrying the configuration, e.g. maxk_forward_cpu_reference_fp32_k32_dim256_small-rmat.</summary>
    public string Id => $"{Kernel}_{Implementation}_fp32" + (K > 0 ? $"_k{K}" : "") + $"_dim{Dim}_{Graph}" + (WidthK ? "_width_k" : "")
        + (Variant is null ? "" : "_" + Slug(Variant))
        + (Protocol is TimingProtocol.CudaEventsL2Flushed or TimingProtocol.HostClock ? "" : "_" + Protocol.Word());

    /// <summary>Lower-case letters and digits, every other run of characters one '-': "u8, tuned: 4 warps/block" → "u8-tuned-4-warps-block".</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = new List<char>(text.Length);
        foreach (var ch in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
                chars.Add(ch);
            else if (chars.Count > 0 && chars[^1] != '-')
                chars.Add('-');
        }
        return new string([.. chars]).TrimEnd('-');
    }
}
