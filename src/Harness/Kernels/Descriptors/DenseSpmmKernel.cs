using MaxK.Graphs;
using MaxK.Harness.Verification;
using MaxK.Reference;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>
/// dense_spmm: Y = A·X at full width D. The CPU case times the CPU reference (<see cref="DenseSpmmReference"/>) and
/// checks it against the independent oracle (sequential double loops). It is the operation's one reference: the GPU
/// SpMM baselines check against <see cref="SampledReference"/>, the same arithmetic restricted to sampled rows.
/// </summary>
public sealed class DenseSpmmKernel : KernelDescriptor
{
    public const string Name = "dense_spmm";

    public override string Id => Name;

    public override KernelRole Role => KernelRole.Spmm;

    public override string? CpuImplementation => KernelNames.CpuReference;

    public override bool TakesK => false;

    /// <summary>The full reference: every row of Y = A·X (double accumulation in CSR order, rounded once).</summary>
    public static float[] Reference(CsrGraph a, float[] x, int dim) => DenseSpmmReference.Compute(a, x, dim);

    /// <summary>The reference on <paramref name="rows"/> only, row for row equal to <see cref="Reference"/>.</summary>
    public static float[] SampledReference(CsrGraph a, float[] x, int dim, IReadOnlyList<int> rows) => SampledReferences.DenseSpmmRows(a, x, dim, rows);

    /// <summary>How the GPU SpMM baselines name their check.</summary>
    public const string SampledReferenceName = "dense SpMM (CPU, double)";

    public override CaseOutcome RunCpu(KernelCase c, CpuKernelContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var graph = context.Graph;
        var n = graph.NodeCount;
        var x = RandomInputs.Dense(n, c.Dim, c.Seed, stream: 1);
        var check = new VerificationResult("sequential double SpMM",
            MaxK.Verification.RelativeError.Compute(Reference(graph, x, c.Dim), IndependentChecks.SequentialSpmm(graph, x, c.Dim)), Tolerance);
        return new CaseOutcome(check, context.TimeIfVerified(check, () => Reference(graph, x, c.Dim)),
            CpuKernelContext.GatherBytes(graph, c.Dim * 4L) + (4L * n * c.Dim));
    }
}
