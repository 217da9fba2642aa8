using MaxK.Baselines.CuSparse;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>
/// cusparse_spmm_alg3: cuSPARSE SpMM with CSR_ALG3 (its preprocessing recorded separately), at D, and once more per k at
/// width k (<see cref="KernelCase.WidthK"/>: what a dense SpMM costs on as few columns as MaxK keeps; its speed-up still
/// refers to ALG2 at D).
/// </summary>
public sealed class CuSparseSpmmAlg3Kernel() : CuSparseSpmmKernel(CuSparseSpmmAlgorithm.CsrAlg3)
{
    public const string Name = "cusparse_spmm_alg3";

    public override string Id => Name;

    public override int InputStream => 4;

    /// <summary>The case at D, and per k a width-k case (Dim = K = k) that closes that k's group.</summary>
    public override IEnumerable<KernelCase> Plan(ComputeDevice device, KernelPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var atD = base.Plan(device, request).ToList();
        if (atD.Count == 0)
            return atD;
        return [.. atD, .. request.Ks.Select(k => atD[0] with { Dim = k, K = k, WidthK = true })];
    }
}
