using MaxK.Formats;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>maxk_forward of the released MaxK-GNN kernels ("maxk" in its output), run as a peer (<see cref="ReleasedPeerKernel"/>).</summary>
public sealed class ReleasedForwardKernel : ReleasedPeerKernel
{
    public override string Id => MaxKForwardKernel.Name;

    public override KernelRole Role => KernelRole.Spmm;

    protected override string ReleasedName => "maxk";

    protected override long BytesModeled(KernelCase c, GpuGraphSession s) =>
        ByteModel.Forward(s.Graph.NodeCount, s.Graph.EdgeCount, c.Dim, c.K, CbsrIndexWidth.UInt8);
}
