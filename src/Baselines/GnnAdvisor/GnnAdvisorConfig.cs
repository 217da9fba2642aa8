using MaxK.Kernels;
using MaxK.Native;

namespace MaxK.Baselines.GnnAdvisor;

/// <summary>
/// A GNNAdvisor launch configuration (platform.md §3): neighbour-group size <see cref="Ngs"/> (edges per warp task),
/// dimension workers <see cref="Dw"/> (lanes that own features) and warps per block <see cref="Wpb"/>, with the shared
/// memory per block this library's kernel uses, <see cref="SharedMemoryBytes"/> = wpb · (8·ngs + 4·dim).
/// </summary>
/// <param name="Ngs">Edges per neighbour group, ≥ 1 (the partition's max_chunk, ≤ 65,536).</param>
/// <param name="Dw">Dimension workers, 1..32.</param>
/// <param name="Wpb">Warps per block, 1..32.</param>
/// <param name="SharedMemoryBytes">Shared memory per block in bytes at the dimension the configuration was made for.</param>
public sealed record GnnAdvisorConfig(int Ngs, int Dw, int Wpb, long SharedMemoryBytes)
{
    /// <summary>
    /// GNNAdvisor's own decider (param.py auto mode, through <c>mxk_gnnadvisor_decide</c>): ngs = max(1, ⌊E/N⌋);
    /// budget = min(8·(4·ngs + dimTerm + 400), 0.4·limit); wpb = clamp(⌊budget / (4·ngs + 4·dim)⌋, 1, 8); dw = 32 if
    /// dim &gt; 32 else dim. For Reddit at dim 256: ngs 491, wpb 8 (7 with the hidden-layer quirk), dw 32.
    /// </summary>
    /// <param name="rows">N ≥ 1.</param>
    /// <param name="nonZeros">E ≥ 0.</param>
    /// <param name="dim">Feature width ≥ 1.</param>
    /// <param name="hiddenLayerQuirk">Reproduce GNNAdvisor's hidden-layer estimate (dimTerm = dim instead of 4·dim).</param>
    /// <param name="sharedMemoryLimitBytes">GNNAdvisor's shared-memory setting; 0 = its default of 100,000 bytes.</param>
    /// <exception cref="DllNotFoundException">The native library is not available.</exception>
    public static GnnAdvisorConfig Decide(int rows, long nonZeros, int dim, bool hiddenLayerQuirk = false, int sharedMemoryLimitBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(nonZeros);
        ArgumentOutOfRangeException.ThrowIfLessThan(dim, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(sharedMemoryLimitBytes);
        MaxkNative.Check(
            MaxkNativeMethods.mxk_gnnadvisor_decide(rows, nonZeros, dim, hiddenLayerQuirk ? 1 : 0, sharedMemoryLimitBytes, out var c),
            "mxk_gnnadvisor_decide");
        return new GnnAdvisorConfig(c.Ngs, c.Dw, c.Wpb, c.SharedMemBytes);
    }

    /// <summary>
    /// The configuration MaxK-GNN's benchmark gave its GNNAdvisor port (maxk-design.md §3.4): ngs = max(1, ⌊E/N⌋), 12 warps
    /// per block, 32 dimension workers, no decider.
    /// </summary>
    public static GnnAdvisorConfig MaxkGnnBenchmark(int rows, long nonZeros, int dim)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(nonZeros);
        ArgumentOutOfRangeException.ThrowIfLessThan(dim, 1);
        var ngs = (int)Math.Clamp(nonZeros / rows, 1, GpuPartition.MaxChunkLimit);
        const int wpb = 12;
        return new GnnAdvisorConfig(ngs, 32, wpb, MaxkShapeLimits.GnnAdvisorSharedMemoryBytes(ngs, wpb, dim));
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless ngs ∈ [1, 65,536], dw ∈ [1, 32] and wpb ∈ [1, 32].</summary>
    public void Validate()
    {
        if (Ngs < 1 || Ngs > GpuPartition.MaxChunkLimit)
            throw new ArgumentOutOfRangeException(nameof(Ngs), Ngs, $"The neighbour-group size must be in [1, {GpuPartition.MaxChunkLimit}].");
        if (Dw < 1 || Dw > 32)
            throw new ArgumentOutOfRangeException(nameof(Dw), Dw, "The dimension workers must be in [1, 32].");
        if (Wpb < 1 || Wpb > 32)
            throw new ArgumentOutOfRangeException(nameof(Wpb), Wpb, "The warps per block must be in [1, 32].");
    }

    public override string ToString() => $"ngs={Ngs}, dw={Dw}, wpb={Wpb}, shared={SharedMemoryBytes} B";
}
