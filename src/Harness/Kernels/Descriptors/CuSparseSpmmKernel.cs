using MaxK.Baselines.CuSparse;
using MaxK.Interop;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>
/// cuSPARSE's generic SpMM Y = A·X (CSR, row-major X and Y) with one algorithm, a cached handle and descriptors, its
/// preprocessing (ALG3) run once and recorded apart. Checked against dense SpMM's sampled reference
/// (<see cref="DenseSpmmKernel.SampledReference"/>); tolerance 1e-5; byte model <see cref="ByteModel.Spmm"/>. Not planned
/// unless a suite lists it (or its algorithm).
/// </summary>
public abstract class CuSparseSpmmKernel(CuSparseSpmmAlgorithm algorithm) : KernelDescriptor
{
    public override KernelRole Role => KernelRole.Spmm;

    public override bool SelectedByDefault => false;

    public override string? GpuImplementation => KernelNames.CuSparse;

    public override bool TakesK => false;

    public override CaseOutcome RunGpu(KernelCase c, GpuKernelContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Session;
        var n = s.Graph.NodeCount;
        var width = c.Dim;
        var x = RandomInputs.Dense(n, width, c.Seed, Stream(c, 0));
        using var dx = DeviceBuffer.FromHost<float>(x);
        using var dy = DeviceBuffer.Allocate<float>((long)n * width);
        using var spmm = new CuSparseSpmm(s.Csr.View, width, algorithm, dx.Pointer, dy.Pointer);
        if (spmm.RequiresPreprocess)
            spmm.Preprocess();
        dy.FillBytes(0xFF);
        spmm.Run(dx, dy);
        CudaRuntime.Synchronize();
        var check = GpuChecks.CheckRows(dy.ToArray<float>(), width, DenseSpmmKernel.SampledReference(s.Graph, x, width, s.OutSample.Rows),
            DenseSpmmKernel.SampledReferenceName, s.OutSample, Tolerance);
        var samples = context.TimeIfVerified(check, () => spmm.Run(dx, dy));
        return new CaseOutcome(check, samples, ByteModel.Spmm(n, s.Graph.EdgeCount, width),
            spmm.PreprocessMilliseconds,
            spmm.RequiresPreprocess ? "cusparseSpMM_preprocess, once per graph and width, CUDA events (not in median_ms)" : null,
            $"{algorithm}, workspace {spmm.WorkspaceBytes:N0} B, row-major X and Y, cached handle and descriptors");
    }
}
