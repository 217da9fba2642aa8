using System.Diagnostics;
using MaxK.Baselines.CuSparse;
using MaxK.Baselines.GnnAdvisor;
using MaxK.Harness.Kernels;
using MaxK.Harness.Suites;
using MaxK.Harness.Verification;
using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Selection;

namespace MaxK.Harness.Gpu;

/// <summary>
/// The GPU cases of the kernel benchmark. Each draws fresh inputs (uniform in [−1, 1), a stream of its own), poisons its
/// output with NaN, runs once and verifies against a CPU reference, and only then times the kernel with CUDA events on
/// the legacy default stream (<see cref="CudaEventTimer"/>), flushing L2 before every run (warm-ups included).
/// Verification: selection is compared in full and exactly with <see cref="MaxKSelector"/>; every other output is
/// checked for NaN everywhere (all N·W elements written) and against the exact CPU reference (double accumulation in
/// CSR order) on <see cref="RowSample"/> rows: all rows of small graphs, 4,096 rows of Reddit-sized ones, including the
/// heaviest and some empty rows. Relative-error tolerance 1e-5.
/// </summary>
internal static class GpuKernelCases
{
    public static CaseOutcome Run(KernelCase c, GpuGraphSession s, CudaEventTimer timer) => c.Kernel switch
    {
        KernelNames.CuSparseSpmmAlg2 => CuSparse(c, s, timer, CuSparseSpmmAlgorithm.CsrAlg2),
        KernelNames.CuSparseSpmmAlg3 => CuSparse(c, s, timer, CuSparseSpmmAlgorithm.CsrAlg3),
        KernelNames.GnnAdvisorSpmm => GnnAdvisor(c, s, timer),
        KernelNames.MaxKSelect => Select(c, s, timer),
        KernelNames.MaxKForward => Forward(c, s, timer),
        KernelNames.MaxKBackward => Backward(c, s, timer),
        KernelNames.MaxKForwardFloor => FloorCases.Forward(c, s, timer),
        KernelNames.MaxKBackwardFloor => FloorCases.Backward(c, s, timer),
        KernelNames.DeviceCopy => DeviceCopy(c, s, timer),
        _ => throw new HarnessException($"Kernel '{c.Kernel}' has no GPU case."),
    };

    /// <summary>
    /// A distinct input stream per (kernel, sub-input, k, D); a loads-only floor draws the inputs of the kernel it bounds
    /// (<see cref="KernelNames.Measured"/>), so both time the same CBSR pattern and gradients.
    /// </summary>
    public static ulong Stream(KernelCase c, int sub) =>
        (ulong)((((Array.IndexOf(KernelNames.Gpu, KernelNames.Measured(c.Kernel)) + 1) * 10L) + sub + (c.WidthK ? 5 : 0)) * 10_000_000L) + ((ulong)c.K * 10_000UL) + (ulong)c.Dim;

    private static CaseOutcome CuSparse(KernelCase c, GpuGraphSession s, CudaEventTimer timer, CuSparseSpmmAlgorithm algorithm)
    {
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
        var check = CheckRows(dy.ToArray<float>(), width, SampledReferences.DenseSpmmRows(s.Graph, x, width, s.OutSample.Rows),
            "dense SpMM (CPU, double)", s.OutSample);
        var samples = Time(check, timer, s, () => spmm.Run(dx, dy));
        return new CaseOutcome(check, samples, ByteModel.Spmm(n, s.Graph.EdgeCount, width),
            spmm.PreprocessMilliseconds,
            spmm.RequiresPreprocess ? "cusparseSpMM_preprocess, once per graph and width, CUDA events (not in median_ms)" : null,
            $"{algorithm}, workspace {spmm.WorkspaceBytes:N0} B, row-major X and Y, cached handle and descriptors");
    }

    /// <summary>cudaMemcpyAsync device to device of N × D floats; verified exactly (every element) before it is timed.</summary>
    private static CaseOutcome DeviceCopy(KernelCase c, GpuGraphSession s, CudaEventTimer timer)
    {
        var count = (long)s.Graph.NodeCount * c.Dim;
        var x = RandomInputs.Dense(s.Graph.NodeCount, c.Dim, c.Seed, Stream(c, 0));
        using var source = DeviceBuffer.FromHost<float>(x);
        using var target = DeviceBuffer.Allocate<float>(count);
        var bytes = (nuint)(4 * count);
        void Copy() => CudaRuntime.Check(
            CudaRuntime.cudaMemcpyAsync(target.Pointer, source.Pointer, bytes, CudaMemcpyKind.DeviceToDevice, CudaRuntime.DefaultStream), "cudaMemcpyAsync");
        target.FillBytes(0xFF);
        Copy();
        CudaRuntime.Synchronize();
        var copied = target.ToArray<float>();
        var mismatches = 0L;
        for (var i = 0L; i < count; i++)
        {
            if (BitConverter.SingleToInt32Bits(copied[i]) != BitConverter.SingleToInt32Bits(x[i]))
                mismatches++;
        }
        var check = new VerificationResult($"bitwise equality with the source, all {count:N0} elements (target NaN-poisoned first)"
            + (mismatches > 0 ? $": {mismatches:N0} differ" : ""), mismatches > 0 ? 1 : 0, 0);
        var samples = Time(check, timer, s, Copy);
        return new CaseOutcome(check, samples, 8 * count, Config: "cudaMemcpyAsync device to device on the legacy default stream; bytes = read + write");
    }

    private static CaseOutcome GnnAdvisor(KernelCase c, GpuGraphSession s, CudaEventTimer timer)
    {
        var n = s.Graph.NodeCount;
        var config = GnnAdvisorConfig.Decide(n, s.Graph.EdgeCount, c.Dim);
        var build = Stopwatch.StartNew();
        using var spmm = new GnnAdvisorSpmm(s.Csr, c.Dim, config);
        var buildMs = build.Elapsed.TotalMilliseconds;
        var x = RandomInputs.Dense(n, c.Dim, c.Seed, Stream(c, 0));
        using var dx = DeviceBuffer.FromHost<float>(x);
        using var dy = DeviceBuffer.Allocate<float>((long)n * c.Dim);
        dy.FillBytes(0xFF);
        spmm.Run(dx, dy);
        CudaRuntime.Synchronize();
        var check = CheckRows(dy.ToArray<float>(), c.Dim, SampledReferences.DenseSpmmRows(s.Graph, x, c.Dim, s.OutSample.Rows),
            "dense SpMM (CPU, double)", s.OutSample);
        var samples = Time(check, timer, s, () => spmm.Run(dx, dy));
        return new CaseOutcome(check, samples, ByteModel.Spmm(n, s.Graph.EdgeCount, c.Dim), buildMs,
            "neighbour-group build (ngs-edge records), host wall time incl. upload (not in median_ms)",
            $"GNNAdvisor decider (input layer): {config}; {spmm.Groups.RecordCount:N0} groups; weighted; no reordering");
    }

    private static CaseOutcome Select(KernelCase c, GpuGraphSession s, CudaEventTimer timer)
    {
        var n = s.Graph.NodeCount;
        var x = RandomInputs.Dense(n, c.Dim, c.Seed, Stream(c, 0));
        using var dx = DeviceBuffer.FromHost<float>(x);
        using var cbsr = DeviceCbsr.Allocate(n, c.Dim, c.K);
        cbsr.Poison();
        GpuMaxKSelect.Run(dx, cbsr);
        CudaRuntime.Synchronize();
        var values = cbsr.Values.ToArray<float>();
        var indices = cbsr.Indices.ToArray<byte>();
        var cpu = MaxKSelector.Select(x, n, c.Dim, c.K);
        long mismatches = 0;
        var width = (int)cbsr.IndexWidth;
        for (long i = 0; i < values.LongLength; i++)
        {
            var same = values[i] == cpu.Values[i];
            for (var b = 0; b < width && same; b++)
                same = indices[(i * width) + b] == cpu.IndexBytes[(i * width) + b];
            if (!same)
                mismatches++;
        }
        var check = new VerificationResult(
            $"MaxKSelector (CPU) on all {n:N0} rows, exact (ties by lower column); error = fraction of differing (index, value) slots; "
            + "outputs NaN-poisoned first", (double)mismatches / Math.Max(1, values.LongLength), 0);
        var samples = Time(check, timer, s, () => GpuMaxKSelect.Run(dx, cbsr));
        return new CaseOutcome(check, samples, ByteModel.Select(n, c.Dim, c.K, cbsr.IndexWidth), Config: $"index width {cbsr.IndexWidth}");
    }

    private static CaseOutcome Forward(KernelCase c, GpuGraphSession s, CudaEventTimer timer)
    {
        var n = s.Graph.NodeCount;
        using var x = SelectedInput(c, s, out var host);
        using var dy = DeviceBuffer.Allocate<float>((long)n * c.Dim);
        var partition = s.Partition;
        dy.FillBytes(0xFF);
        GpuSpgemmForward.Run(partition, x, dy);
        CudaRuntime.Synchronize();
        var check = CheckRows(dy.ToArray<float>(), c.Dim, SampledReferences.SpgemmForwardRows(s.Graph, host, s.OutSample.Rows),
            "SpGEMM forward (CPU, double, from CBSR)", s.OutSample);
        var samples = Time(check, timer, s, () => GpuSpgemmForward.Run(partition, x, dy));
        return new CaseOutcome(check, samples, ByteModel.Forward(n, s.Graph.EdgeCount, c.Dim, c.K, x.IndexWidth),
            s.PartitionBuildMs, PartitionNote, PartitionConfig(partition, x));
    }

    private static CaseOutcome Backward(KernelCase c, GpuGraphSession s, CudaEventTimer timer)
    {
        var n = s.Graph.NodeCount;
        using var pattern = SelectedInput(c, s, out var host);
        var g = RandomInputs.Dense(n, c.Dim, c.Seed, Stream(c, 1));
        using var dg = DeviceBuffer.FromHost<float>(g);
        using var dxs = DeviceBuffer.Allocate<float>((long)n * c.K);
        var partition = s.Partition;
        dxs.FillBytes(0xFF);
        GpuSspmmBackward.Run(partition, dg, pattern, dxs);
        CudaRuntime.Synchronize();
        var check = CheckRows(dxs.ToArray<float>(), c.K, SampledReferences.SspmmBackwardRows(s.Graph, g, host, s.InSample.Rows),
            "SSpMM backward (CPU, double, (Aᵀ·G) at the CBSR pattern via in-edges)", s.InSample);
        var samples = Time(check, timer, s, () => GpuSspmmBackward.Run(partition, dg, pattern, dxs));
        return new CaseOutcome(check, samples, ByteModel.Backward(n, s.Graph.EdgeCount, c.Dim, c.K, pattern.IndexWidth),
            s.PartitionBuildMs, PartitionNote, PartitionConfig(partition, pattern));
    }

    internal const string PartitionNote =
        "native work partition (records of ≤ 1,024 edges), built once per graph and shared by maxk_forward and maxk_backward; host wall time incl. upload (not in median_ms)";

    internal static string PartitionConfig(GpuPartition p, DeviceCbsr x) =>
        $"max_chunk {p.MaxChunk}, {p.RecordCount:N0} records, {p.Info.NumSplitRows:N0} split rows, index width {x.IndexWidth}, default tuning";

    /// <summary>The MaxK kernels' CBSR input: the GPU top-k of a fresh uniform matrix (k distinct random columns per row), and its host copy.</summary>
    internal static DeviceCbsr SelectedInput(KernelCase c, GpuGraphSession s, out Formats.Cbsr host)
    {
        var n = s.Graph.NodeCount;
        using var dx = DeviceBuffer.FromHost<float>(RandomInputs.Dense(n, c.Dim, c.Seed, Stream(c, 0)));
        var cbsr = DeviceCbsr.Allocate(n, c.Dim, c.K);
        try
        {
            GpuMaxKSelect.Run(dx, cbsr);
            host = cbsr.Download();
            return cbsr;
        }
        catch
        {
            cbsr.Dispose();
            throw;
        }
    }

    /// <summary>
    /// All outputs finite (none left NaN from the poison), and the relative error of the sampled rows against
    /// <paramref name="expectedRows"/> (NaN when any output is not finite, which fails the check).
    /// </summary>
    internal static VerificationResult CheckRows(float[] actual, int width, float[] expectedRows, string reference, RowSample sample)
    {
        var nonFinite = 0L;
        Parallel.For(0, (actual.Length + (1 << 20) - 1) >> 20, () => 0L, (block, _, count) =>
        {
            var end = Math.Min(actual.Length, (block + 1) << 20);
            for (var i = block << 20; i < end; i++)
            {
                if (!float.IsFinite(actual[i]))
                    count++;
            }
            return count;
        }, count => Interlocked.Add(ref nonFinite, count));
        var error = nonFinite > 0 ? double.NaN : MaxK.Verification.RelativeError.Compute(sample.Gather(actual, width), expectedRows);
        var text = $"{reference} on {sample.Description}; all {actual.LongLength:N0} outputs written (NaN-poisoned first)"
            + (nonFinite > 0 ? $": {nonFinite:N0} NOT finite" : "");
        return new VerificationResult(text, error, VerificationResult.Fp32Tolerance);
    }

    private static double[] Time(VerificationResult check, CudaEventTimer timer, GpuGraphSession s, Action kernel) =>
        check.Passed ? timer.Time(kernel, _ => s.Flusher.Flush()) : [];
}
