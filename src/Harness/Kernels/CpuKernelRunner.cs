using MaxK.Graphs;
using MaxK.Harness.Suites;
using MaxK.Harness.Timing;
using MaxK.Harness.Verification;
using MaxK.Reference;
using MaxK.Selection;

namespace MaxK.Harness.Kernels;

/// <summary>
/// Runs one CPU reference case: draws fresh inputs, verifies the kernel against an independent oracle,
/// and only then times it (warm-up, then timed runs). A case that fails verification is still recorded.
/// </summary>
public static class CpuKernelRunner
{
    public static (VerificationResult Verification, IReadOnlyList<double> SamplesMs, long BytesMoved) Run(
        KernelCase c, CsrGraph graph, int warmupRuns, int timedRuns)
    {
        var n = graph.NodeCount;
        var x = RandomInputs.Dense(n, c.Dim, c.Seed, stream: 1);
        switch (c.Kernel)
        {
            case KernelNames.DenseSpmm:
            {
                var check = new VerificationResult("sequential double SpMM",
                    MaxK.Verification.RelativeError.Compute(DenseSpmmReference.Compute(graph, x, c.Dim), IndependentChecks.SequentialSpmm(graph, x, c.Dim)),
                    VerificationResult.Fp32Tolerance);
                return (check, Time(() => DenseSpmmReference.Compute(graph, x, c.Dim), check, warmupRuns, timedRuns),
                    GatherBytes(graph, c.Dim * 4L) + (4L * n * c.Dim));
            }
            case KernelNames.MaxKSelect:
            {
                var cbsr = MaxKSelector.Select(x, n, c.Dim, c.K);
                var check = new VerificationResult("sort-based top-k (ties: lower column)",
                    MaxK.Verification.RelativeError.Compute(cbsr.ScatterToDense(), IndependentChecks.TopKMasked(x, n, c.Dim, c.K)), 0);
                return (check, Time(() => MaxKSelector.Select(x, n, c.Dim, c.K), check, warmupRuns, timedRuns),
                    (4L * n * c.Dim) + ((long)n * c.K * (4 + (int)cbsr.IndexWidth)));
            }
            case KernelNames.MaxKForward:
            {
                var cbsr = MaxKSelector.Select(x, n, c.Dim, c.K);
                var check = new VerificationResult("sequential dense SpMM on the scattered CBSR matrix",
                    MaxK.Verification.RelativeError.Compute(SpgemmForwardReference.Compute(graph, cbsr), IndependentChecks.SequentialSpmm(graph, cbsr.ScatterToDense(), c.Dim)),
                    VerificationResult.Fp32Tolerance);
                return (check, Time(() => SpgemmForwardReference.Compute(graph, cbsr), check, warmupRuns, timedRuns),
                    GatherBytes(graph, c.K * (4L + (int)cbsr.IndexWidth)) + (4L * n * c.Dim));
            }
            case KernelNames.MaxKBackward:
            {
                var cbsr = MaxKSelector.Select(x, n, c.Dim, c.K);
                var g = RandomInputs.Dense(n, c.Dim, c.Seed, stream: 2);
                var check = new VerificationResult("(Aᵀ·G) via explicit transpose, gathered at the CBSR pattern",
                    MaxK.Verification.RelativeError.Compute(SspmmBackwardReference.Compute(graph, g, cbsr), IndependentChecks.TransposedGather(graph, g, cbsr)),
                    VerificationResult.Fp32Tolerance);
                return (check, Time(() => SspmmBackwardReference.Compute(graph, g, cbsr), check, warmupRuns, timedRuns),
                    GatherBytes(graph, c.K * (4L + (int)cbsr.IndexWidth)) + (4L * n * c.Dim));
            }
            default:
                throw new HarnessException($"Kernel '{c.Kernel}' has no CPU implementation.");
        }
    }

    /// <summary>Compulsory traffic of a CSR walk: row pointers, indices and weights, plus the gathered bytes per edge.</summary>
    private static long GatherBytes(CsrGraph g, long bytesPerEdge) =>
        (4L * (g.NodeCount + 1)) + (g.EdgeCount * (4L + (g.IsWeighted ? 4 : 0))) + (g.EdgeCount * bytesPerEdge);

    private static IReadOnlyList<double> Time(Action kernel, VerificationResult check, int warmupRuns, int timedRuns) =>
        check.Passed ? HostTimer.Measure(kernel, warmupRuns, timedRuns) : [];
}
