using MaxK.Harness.Kernels;
using MaxK.Harness.Suites;
using MaxK.Harness.Verification;
using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Native;

namespace MaxK.Harness.Gpu;

/// <summary>
/// The loads-only floor cases (DIAGNOSTIC): <c>maxk_forward</c> and <c>maxk_backward</c> launched with
/// <see cref="MxkTuningFlags.DiagnosticSkipAccumulate"/> and otherwise the default tuning. The forward skips the
/// shared-memory accumulation (loads, shuffles and the flush remain), the backward issues plain stores instead of
/// atomics, so their outputs are WRONG by design and are never verified; their times are a lower bound of what the real
/// kernels could reach with this design (native/cuda/NOTES.md, "Where the time goes"). Same graph session, inputs
/// (<see cref="GpuKernelCases.Stream"/>), CUDA-event timer and L2 flushing as the real kernels, and the same byte model,
/// so GB/s compares directly.
/// </summary>
internal static class FloorCases
{
    /// <summary>The launch tuning of both floors: library defaults plus the diagnostic flag.</summary>
    public static readonly MxkTuning Tuning = new() { Flags = MxkTuningFlags.DiagnosticSkipAccumulate };

    /// <summary>What every floor case records instead of a verification: unverifiable, NaN error, zero tolerance (never "passed").</summary>
    public static VerificationResult NotVerifiable => new(KernelNames.FloorVerificationNote, double.NaN, 0);

    public static CaseOutcome Forward(KernelCase c, GpuGraphSession s, CudaEventTimer timer)
    {
        var n = s.Graph.NodeCount;
        using var x = GpuKernelCases.SelectedInput(c, s, out _);
        using var dy = DeviceBuffer.Allocate<float>((long)n * c.Dim);
        var partition = s.Partition;
        var samples = timer.Time(() => GpuSpgemmForward.Run(partition, x, dy, Tuning), _ => s.Flusher.Flush());
        return new CaseOutcome(NotVerifiable, samples, ByteModel.Forward(n, s.Graph.EdgeCount, c.Dim, c.K, x.IndexWidth),
            s.PartitionBuildMs, GpuKernelCases.PartitionNote, Config(partition, x));
    }

    public static CaseOutcome Backward(KernelCase c, GpuGraphSession s, CudaEventTimer timer)
    {
        var n = s.Graph.NodeCount;
        using var pattern = GpuKernelCases.SelectedInput(c, s, out _);
        using var dg = DeviceBuffer.FromHost<float>(RandomInputs.Dense(n, c.Dim, c.Seed, GpuKernelCases.Stream(c, 1)));
        using var dxs = DeviceBuffer.Allocate<float>((long)n * c.K);
        var partition = s.Partition;
        var samples = timer.Time(() => GpuSspmmBackward.Run(partition, dg, pattern, dxs, Tuning), _ => s.Flusher.Flush());
        return new CaseOutcome(NotVerifiable, samples, ByteModel.Backward(n, s.Graph.EdgeCount, c.Dim, c.K, pattern.IndexWidth),
            s.PartitionBuildMs, GpuKernelCases.PartitionNote, Config(partition, pattern));
    }

    private static string Config(GpuPartition p, DeviceCbsr x) =>
        GpuKernelCases.PartitionConfig(p, x).Replace("default tuning", "default tuning + MXK_TUNE_DIAGNOSTIC_SKIP_ACCUMULATE (output wrong by design)", StringComparison.Ordinal);
}
