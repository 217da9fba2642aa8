using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Native;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>
/// maxk_forward_floor, DIAGNOSTIC: <see cref="MaxKForwardKernel"/> launched with
/// <see cref="MxkTuningFlags.DiagnosticSkipAccumulate"/>, which skips the shared-memory accumulation (loads, shuffles and
/// the flush remain). Its output is WRONG by design and never verified; its time is a lower bound of what the forward could
/// reach with this design (native/cuda/NOTES.md, "Where the time goes"). Same graph session, inputs (the forward's
/// stream), timing protocol and byte model as the forward, so GB/s compares directly. Planned only when a suite lists it.
/// </summary>
public sealed class MaxKForwardFloorKernel : KernelDescriptor
{
    public const string Name = "maxk_forward_floor";

    public override string Id => Name;

    public override KernelRole Role => KernelRole.Spmm;

    public override string? Bounds => MaxKForwardKernel.Name;

    public override bool SelectedByDefault => false;

    public override string? GpuImplementation => KernelNames.MaxkNative;

    /// <summary>Reserved; the floor draws the forward's inputs (<see cref="KernelDescriptor.Bounds"/>).</summary>
    public override int InputStream => 7;

    public override CaseOutcome RunGpu(KernelCase c, GpuKernelContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Session;
        var n = s.Graph.NodeCount;
        using var x = MaxKInputs.Selected(c, s, Stream(c, 0), out _);
        using var dy = DeviceBuffer.Allocate<float>((long)n * c.Dim);
        var partition = s.Partition;
        var samples = context.Time(() => GpuSpgemmForward.Run(partition, x, dy, FloorTuning.Tuning));
        return new CaseOutcome(FloorTuning.NotVerifiable, samples, ByteModel.Forward(n, s.Graph.EdgeCount, c.Dim, c.K, x.IndexWidth),
            s.PartitionBuildMs, MaxKInputs.PartitionNote, FloorTuning.Config(partition, x));
    }
}
