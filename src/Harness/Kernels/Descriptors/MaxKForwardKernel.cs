using MaxK.Formats;
using MaxK.Graphs;
using MaxK.Harness.Verification;
using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Reference;
using MaxK.Selection;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>
/// maxk_forward: the SpGEMM forward Y = A · scatter(X) with X in CBSR (k of D columns per row). Reference:
/// <see cref="SpgemmForwardReference"/> (full) and <see cref="SampledReference"/> (row-sampled on large graphs), double
/// accumulation; tolerance 1e-5. Byte model: <see cref="ByteModel.Forward"/>.
/// </summary>
public sealed class MaxKForwardKernel : KernelDescriptor
{
    public const string Name = "maxk_forward";

    public override string Id => Name;

    public override KernelRole Role => KernelRole.Spmm;

    public override string? CpuImplementation => KernelNames.CpuReference;

    public override string? GpuImplementation => KernelNames.MaxkNative;

    public override bool TimedUnderReleasedProtocol => true;

    public override int InputStream => 1;

    /// <summary>The full reference: every row of Y = A · scatter(X).</summary>
    public static float[] Reference(CsrGraph a, Cbsr x) => SpgemmForwardReference.Compute(a, x);

    /// <summary>The reference on <paramref name="rows"/> only, row for row equal to <see cref="Reference"/>.</summary>
    public static float[] SampledReference(CsrGraph a, Cbsr x, IReadOnlyList<int> rows) => SampledReferences.SpgemmForwardRows(a, x, rows);

    public override CaseOutcome RunCpu(KernelCase c, CpuKernelContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var graph = context.Graph;
        var n = graph.NodeCount;
        var cbsr = MaxKSelector.Select(RandomInputs.Dense(n, c.Dim, c.Seed, stream: 1), n, c.Dim, c.K);
        var check = new VerificationResult("sequential dense SpMM on the scattered CBSR matrix",
            MaxK.Verification.RelativeError.Compute(Reference(graph, cbsr), IndependentChecks.SequentialSpmm(graph, cbsr.ScatterToDense(), c.Dim)), Tolerance);
        return new CaseOutcome(check, context.TimeIfVerified(check, () => Reference(graph, cbsr)),
            CpuKernelContext.GatherBytes(graph, c.K * (4L + (int)cbsr.IndexWidth)) + (4L * n * c.Dim));
    }

    public override CaseOutcome RunGpu(KernelCase c, GpuKernelContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Session;
        var n = s.Graph.NodeCount;
        using var x = MaxKInputs.Selected(c, s, Stream(c, 0), out var host);
        using var dy = DeviceBuffer.Allocate<float>((long)n * c.Dim);
        var partition = s.Partition;
        var tuning = MaxKInputs.Variant(s, MaxKKernelOperation.SpgemmForward, c, t => GpuSpgemmForward.Run(partition, x, dy, t));
        dy.FillBytes(0xFF);
        GpuSpgemmForward.Run(partition, x, dy, tuning.Tuning);
        CudaRuntime.Synchronize();
        var check = GpuChecks.CheckRows(dy.ToArray<float>(), c.Dim, SampledReference(s.Graph, host, s.OutSample.Rows),
            "SpGEMM forward (CPU, double, from CBSR)", s.OutSample, Tolerance);
        var samples = context.TimeIfVerified(check, () => GpuSpgemmForward.Run(partition, x, dy, tuning.Tuning));
        return new CaseOutcome(check, samples, ByteModel.Forward(n, s.Graph.EdgeCount, c.Dim, c.K, x.IndexWidth),
            s.PartitionBuildMs, MaxKInputs.PartitionNote, MaxKInputs.PartitionConfig(partition, x, tuning));
    }
}
