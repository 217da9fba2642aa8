using MaxK.Formats;
using MaxK.Graphs;
using MaxK.Harness.Verification;
using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Reference;
using MaxK.Selection;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>
/// maxk_backward: the SSpMM backward, (Aᵀ·G) at the CBSR pattern (N × k) from the forward CSR. Reference:
/// <see cref="SspmmBackwardReference"/> (full) and <see cref="SampledReference"/> (row-sampled by in-degree on large
/// graphs); tolerance 1e-5. Byte model: <see cref="ByteModel.Backward"/>.
/// </summary>
public sealed class MaxKBackwardKernel : KernelDescriptor
{
    public const string Name = "maxk_backward";

    public override string Id => Name;

    public override KernelRole Role => KernelRole.Spmm;

    public override string? CpuImplementation => KernelNames.CpuReference;

    public override string? GpuImplementation => KernelNames.MaxkNative;

    public override bool TimedUnderReleasedProtocol => true;

    public override int InputStream => 2;

    /// <summary>The full reference: (Aᵀ·G) at the pattern, Aᵀ never built.</summary>
    public static float[] Reference(CsrGraph a, float[] gradOut, Cbsr pattern) => SspmmBackwardReference.Compute(a, gradOut, pattern);

    /// <summary>The reference on destination rows <paramref name="rows"/> only, row for row equal to <see cref="Reference"/>.</summary>
    public static float[] SampledReference(CsrGraph a, float[] gradOut, Cbsr pattern, IReadOnlyList<int> rows) =>
        SampledReferences.SspmmBackwardRows(a, gradOut, pattern, rows);

    public override CaseOutcome RunCpu(KernelCase c, CpuKernelContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var graph = context.Graph;
        var n = graph.NodeCount;
        var cbsr = MaxKSelector.Select(RandomInputs.Dense(n, c.Dim, c.Seed, stream: 1), n, c.Dim, c.K);
        var g = RandomInputs.Dense(n, c.Dim, c.Seed, stream: 2);
        var check = new VerificationResult("(Aᵀ·G) via explicit transpose, gathered at the CBSR pattern",
            MaxK.Verification.RelativeError.Compute(Reference(graph, g, cbsr), IndependentChecks.TransposedGather(graph, g, cbsr)), Tolerance);
        return new CaseOutcome(check, context.TimeIfVerified(check, () => Reference(graph, g, cbsr)),
            CpuKernelContext.GatherBytes(graph, c.K * (4L + (int)cbsr.IndexWidth)) + (4L * n * c.Dim));
    }

    public override CaseOutcome RunGpu(KernelCase c, GpuKernelContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Session;
        var n = s.Graph.NodeCount;
        using var pattern = MaxKInputs.Selected(c, s, Stream(c, 0), out var host);
        var g = RandomInputs.Dense(n, c.Dim, c.Seed, Stream(c, 1));
        using var dg = DeviceBuffer.FromHost<float>(g);
        using var dxs = DeviceBuffer.Allocate<float>((long)n * c.K);
        var partition = s.Partition;
        var tuning = MaxKInputs.Variant(s, MaxKKernelOperation.SspmmBackward, c, t => GpuSspmmBackward.Run(partition, dg, pattern, dxs, t));
        dxs.FillBytes(0xFF);
        GpuSspmmBackward.Run(partition, dg, pattern, dxs, tuning.Tuning);
        CudaRuntime.Synchronize();
        var check = GpuChecks.CheckRows(dxs.ToArray<float>(), c.K, SampledReference(s.Graph, g, host, s.InSample.Rows),
            "SSpMM backward (CPU, double, (Aᵀ·G) at the CBSR pattern via in-edges)", s.InSample, Tolerance);
        var samples = context.TimeIfVerified(check, () => GpuSspmmBackward.Run(partition, dg, pattern, dxs, tuning.Tuning));
        return new CaseOutcome(check, samples, ByteModel.Backward(n, s.Graph.EdgeCount, c.Dim, c.K, pattern.IndexWidth),
            s.PartitionBuildMs, MaxKInputs.PartitionNote, MaxKInputs.PartitionConfig(partition, pattern, tuning));
    }
}
