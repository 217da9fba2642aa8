using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Native;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>
/// maxk_backward_floor, DIAGNOSTIC: <see cref="MaxKBackwardKernel"/> launched with
/// <see cref="MxkTuningFlags.DiagnosticSkipAccumulate"/>, which issues plain stores instead of global atomics. Output WRONG
/// by design, never verified; its time is a lower bound of the backward. Same session, inputs (the backward's streams),
/// timing and byte model as the backward. Planned only when a suite lists it.
/// </summary>
public sealed class MaxKBackwardFloorKernel : KernelDescriptor
{
    public const string Name = "maxk_backward_floor";

    public override string Id => Name;

    public override KernelRole Role => KernelRole.Spmm;

    public override string? Bounds => MaxKBackwardKernel.Name;

    public override bool SelectedByDefault => false;

    public override string? GpuImplementation => KernelNames.MaxkNative;

    /// <summary>Reserved; the floor draws the backward's inputs (<see cref="KernelDescriptor.Bounds"/>).</summary>
    public override int InputStream => 8;

    public override CaseOutcome RunGpu(KernelCase c, GpuKernelContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Session;
        var n = s.Graph.NodeCount;
        using var pattern = MaxKInputs.Selected(c, s, Stream(c, 0), out _);
        using var dg = DeviceBuffer.FromHost<float>(RandomInputs.Dense(n, c.Dim, c.Seed, Stream(c, 1)));
        using var dxs = DeviceBuffer.Allocate<float>((long)n * c.K);
        var partition = s.Partition;
        var samples = context.Time(() => GpuSspmmBackward.Run(partition, dg, pattern, dxs, FloorTuning.Tuning));
        return new CaseOutcome(FloorTuning.NotVerifiable, samples, ByteModel.Backward(n, s.Graph.EdgeCount, c.Dim, c.K, pattern.IndexWidth),
            s.PartitionBuildMs, MaxKInputs.PartitionNote, FloorTuning.Config(partition, pattern));
    }
}
