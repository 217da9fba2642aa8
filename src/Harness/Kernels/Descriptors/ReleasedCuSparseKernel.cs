namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>
/// cusparse_spmm_default: the released benchmark's cuSPARSE baseline ("cusparse" in its output: cusparseSpMM with
/// CUSPARSE_SPMM_ALG_DEFAULT at D = 256, 10 + 10 host-timed runs per its code), run as a peer
/// (<see cref="ReleasedPeerKernel"/>). Our own cuSPARSE cases are cusparse_spmm_alg2 / alg3.
/// </summary>
public sealed class ReleasedCuSparseKernel : ReleasedPeerKernel
{
    public const string Name = "cusparse_spmm_default";

    public override string Id => Name;

    public override KernelRole Role => KernelRole.Spmm;

    public override bool TakesK => false;

    protected override string ReleasedName => "cusparse";

    protected override long BytesModeled(KernelCase c, GpuGraphSession s) => ByteModel.Spmm(s.Graph.NodeCount, s.Graph.EdgeCount, c.Dim);
}
