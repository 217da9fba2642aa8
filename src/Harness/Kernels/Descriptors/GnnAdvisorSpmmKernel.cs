using System.Diagnostics;
using MaxK.Baselines.GnnAdvisor;
using MaxK.Interop;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>
/// gnnadvisor_spmm: the GNNAdvisor-style weighted neighbour-group SpMM of libmaxk_native.so with its own decider (input
/// layer), no reordering; the group build is recorded as preprocessing. Checked against dense SpMM's sampled reference;
/// tolerance 1e-5; byte model <see cref="ByteModel.Spmm"/>.
/// </summary>
public sealed class GnnAdvisorSpmmKernel : KernelDescriptor
{
    public const string Name = "gnnadvisor_spmm";

    public override string Id => Name;

    public override KernelRole Role => KernelRole.Spmm;

    public override string? GpuImplementation => KernelNames.MaxkNative;

    public override bool TakesK => false;

    public override int InputStream => 5;

    public override CaseOutcome RunGpu(KernelCase c, GpuKernelContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Session;
        var n = s.Graph.NodeCount;
        var config = GnnAdvisorConfig.Decide(n, s.Graph.EdgeCount, c.Dim);
        var build = Stopwatch.StartNew();
        using var spmm = new GnnAdvisorSpmm(s.Csr, c.Dim, config);
        var buildMs = build.Elapsed.TotalMilliseconds;
        var x = RandomInputs.Dense(n, c.Dim, c.Seed, Stream(c, 0));
        using var dx = DeviceBuffer.FromHost<float>(x);
        using var dy = DeviceBuffer.Allocate<float>((long)n * c.Dim);
        var (check, samples) = CheckThenTime(spmm, x, dx, dy, c, context, Tolerance);
        return new CaseOutcome(check, samples, ByteModel.Spmm(n, s.Graph.EdgeCount, c.Dim), buildMs,
            "neighbour-group build (ngs-edge records), host wall time incl. upload (not in median_ms)",
            $"GNNAdvisor decider (input layer): {config}; {spmm.Groups.RecordCount:N0} groups; weighted; no reordering");
    }

    /// <summary>
    /// One run into a NaN-poisoned Y checked against dense SpMM's sampled reference, then (only if it passed) the timed runs
    /// of the case's protocol: what both GNNAdvisor-style cases (own decider, best of the sweep) do with their configuration.
    /// </summary>
    internal static (Verification.VerificationResult Check, double[] Samples) CheckThenTime(GnnAdvisorSpmm spmm, float[] x, DeviceBuffer dx, DeviceBuffer dy,
        KernelCase c, GpuKernelContext context, double tolerance)
    {
        var s = context.Session;
        dy.FillBytes(0xFF);
        spmm.Run(dx, dy);
        CudaRuntime.Synchronize();
        var check = GpuChecks.CheckRows(dy.ToArray<float>(), c.Dim, DenseSpmmKernel.SampledReference(s.Graph, x, c.Dim, s.OutSample.Rows),
            DenseSpmmKernel.SampledReferenceName, s.OutSample, tolerance);
        return (check, context.TimeIfVerified(check, () => spmm.Run(dx, dy)));
    }
}
