using MaxK.Baselines.CuSparse;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>cusparse_spmm_alg2: cuSPARSE SpMM with CSR_ALG2, the baseline every GPU speed-up refers to (first in each graph's plan).</summary>
public sealed class CuSparseSpmmAlg2Kernel() : CuSparseSpmmKernel(CuSparseSpmmAlgorithm.CsrAlg2)
{
    public const string Name = "cusparse_spmm_alg2";

    public override string Id => Name;

    public override bool IsSpeedupBaseline => true;

    public override bool TimedUnderReleasedProtocol => true;

    public override int InputStream => 3;
}
