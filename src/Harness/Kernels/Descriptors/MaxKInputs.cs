using MaxK.Formats;
using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Native;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>What the MaxK product kernels (forward, backward and their floors) share: their CBSR input and the partition notes.</summary>
internal static class MaxKInputs
{
    /// <summary>
    /// The CBSR input: the GPU top-k of a fresh uniform matrix drawn from <paramref name="stream"/> (k distinct random
    /// columns per row, as the paper's harness), and its host copy.
    /// </summary>
    public static DeviceCbsr Selected(KernelCase c, GpuGraphSession s, ulong stream, out Cbsr host)
    {
        var n = s.Graph.NodeCount;
        using var dx = DeviceBuffer.FromHost<float>(RandomInputs.Dense(n, c.Dim, c.Seed, stream));
        var cbsr = DeviceCbsr.Allocate(n, c.Dim, c.K);
        try
        {
            GpuMaxKSelect.Run(dx, cbsr);
            host = cbsr.Download();
            return cbsr;
        }
        catch
        {
            cbsr.Dispose();
            throw;
        }
    }

    public const string PartitionNote =
        "native work partition (records of ≤ 1,024 edges), built once per graph and shared by maxk_forward and maxk_backward; host wall time incl. upload (not in median_ms)";

    /// <summary>The launch configuration a MaxK product case records (the floors: default tuning).</summary>
    public static string PartitionConfig(GpuPartition p, DeviceCbsr x) =>
        $"max_chunk {p.MaxChunk}, {p.RecordCount:N0} records, {p.Info.NumSplitRows:N0} split rows, index width {x.IndexWidth}, default tuning";

    /// <summary>The launch configuration of a case that ran the variant chosen at set-up.</summary>
    public static string PartitionConfig(GpuPartition p, DeviceCbsr x, MaxKVariantChoice choice) =>
        $"max_chunk {p.MaxChunk}, {p.RecordCount:N0} records, {p.Info.NumSplitRows:N0} split rows, index width {x.IndexWidth}; {choice.Describe()}; "
        + "cached per graph, k and D on this GPU";

    /// <summary>
    /// The variant of <paramref name="op"/> for this graph at (k, D): a <see cref="MaxKVariantTrial"/> on the case's own
    /// inputs the first time, then the cached choice (both timing protocols of a graph run the same variant).
    /// </summary>
    public static MaxKVariantChoice Variant(GpuGraphSession s, MaxKKernelOperation op, KernelCase c, Action<MxkTuning> run) =>
        s.PerGraph($"variant:{op.Word()}:k{c.K}:d{c.Dim}", _ => MaxKVariantTrial.Choose(run));
}
