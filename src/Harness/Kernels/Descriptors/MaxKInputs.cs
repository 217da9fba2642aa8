using MaxK.Formats;
using MaxK.Interop;
using MaxK.Kernels;

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

    /// <summary>The launch configuration a MaxK product case records.</summary>
    public static string PartitionConfig(GpuPartition p, DeviceCbsr x) =>
        $"max_chunk {p.MaxChunk}, {p.RecordCount:N0} records, {p.Info.NumSplitRows:N0} split rows, index width {x.IndexWidth}, default tuning";
}
