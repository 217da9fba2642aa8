using MaxK.Formats;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>maxk_backward of the released MaxK-GNN kernels ("maxk_backward" in its output), run as a peer (<see cref="ReleasedPeerKernel"/>).</summary>
public sealed class ReleasedBackwardKernel : ReleasedPeerKernel
{
    public override string Id => MaxKBackwardKernel.Name;

    public override KernelRole Role => KernelRole.Spmm;

    protected override string ReleasedName => "maxk_backward";

    protected override long BytesModeled(KernelCase c, GpuGraphSession s) =>
        ByteModel.Backward(s.Graph.NodeCount, s.Graph.EdgeCount, c.Dim, c.K, CbsrIndexWidth.UInt8);
}
