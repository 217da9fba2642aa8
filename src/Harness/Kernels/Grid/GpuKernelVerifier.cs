using MaxK.Baselines.CuSparse;
using MaxK.Baselines.GnnAdvisor;
using MaxK.Formats;
using MaxK.Graphs;
using MaxK.Harness.Kernels.Descriptors;
using MaxK.Harness.Verification;
using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Native;
using MaxK.Partition;
using MaxK.Reference;
using MaxK.Selection;

namespace MaxK.Harness.Kernels.Grid;

/// <summary>
/// The GPU kernel verification grid shared by <c>maxk verify</c> and the GPU tests: every native kernel against its CPU
/// reference on fresh random inputs (dense entries uniform in [−1, 1), a new random stream per check), over
/// k ∈ <see cref="Ks"/> × D ∈ <see cref="Dims"/> (k ≤ D). Outputs are poisoned with NaN (0xFF bytes) before every call,
/// since every kernel promises to write its whole output. Selection must match <see cref="MaxKSelector"/> exactly (same
/// slots, indices and values, ties included); the scatter must match exactly; the products within
/// <see cref="Tolerance"/> relative error. The backward runs on the mean-normalised (non-symmetric) graph.
/// Each check returns a <see cref="GpuKernelCheck"/>; a check that throws is returned as failed, never rethrown.
/// Not thread-safe; uses the legacy default stream.
/// </summary>
public sealed partial class GpuKernelVerifier : IDisposable
{
    /// <summary>The fp32 relative-error tolerance of the products.</summary>
    public const double Tolerance = VerificationResult.Fp32Tolerance;

    private const string Poisoned = "outputs NaN-poisoned first";

    private readonly ulong _seed;
    private readonly CsrGraph _weighted;
    private readonly CsrGraph _mean;
    private readonly DeviceCsr _dWeighted;
    private readonly DeviceCsr _dMean;
    private readonly GpuPartition _pWeighted;
    private readonly GpuPartition _pMean;

    /// <summary>
    /// Uploads <paramref name="graph"/> (weighted as given, or all ones) and its mean-normalised copy, checks both on the
    /// device (mxk_csr_validate) and builds their work partitions with the default chunk (1,024 edges).
    /// </summary>
    /// <param name="graph">The test graph, e.g. <see cref="VerificationGraph.Build"/> (empty rows, a hub row &gt; 10,000 edges).</param>
    /// <param name="seed">Base seed of every random input.</param>
    public GpuKernelVerifier(CsrGraph graph, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _seed = seed;
        _weighted = graph;
        _mean = EdgeNormalizer.Apply(graph, EdgeNormalization.Mean);
        var owned = new List<IDisposable>();
        try
        {
            _dWeighted = Track(owned, DeviceCsr.Upload(_weighted));
            _dMean = Track(owned, DeviceCsr.Upload(_mean));
            GpuCsrValidator.Validate(_dWeighted);
            GpuCsrValidator.Validate(_dMean);
            _pWeighted = Track(owned, GpuPartition.Create(_dWeighted));
            _pMean = Track(owned, GpuPartition.Create(_dMean));
        }
        catch
        {
            foreach (var d in Enumerable.Reverse(owned))
                d.Dispose();
            throw;
        }
    }

    /// <summary>k values of the grid: around warp widths (31, 32, 33), the vector path (multiples of 4) and the limits.</summary>
    public static IReadOnlyList<int> Ks { get; } = [1, 2, 3, 8, 16, 31, 32, 33, 64, 96, 128, 256];

    /// <summary>D values of the grid: uint8 indices up to 256, uint16 at 384.</summary>
    public static IReadOnlyList<int> Dims { get; } = [32, 64, 256, 384];

    /// <summary>Shapes run again with uint16 indices although D ≤ 256 (the kernels accept both widths there).</summary>
    public static IReadOnlyList<(int K, int Dim)> WideIndexShapes { get; } = [(3, 32), (32, 64), (256, 256)];

    /// <summary>GNNAdvisor configurations checked per D: its decider, tiny groups with dw = 8, and MaxK-GNN's (wpb 12).</summary>
    public static IReadOnlyList<string> GnnAdvisorVariants { get; } = ["decide", "small-groups", "maxk-gnn"];

    /// <summary>Launch tunings the forward and backward must be correct under too (never the diagnostic flag).</summary>
    public static IReadOnlyList<(string Name, MxkTuning Tuning)> Tunings { get; } =
    [
        ("scalar slots", new MxkTuning { Flags = MxkTuningFlags.ScalarSlots }),
        ("shared atomics", new MxkTuning { Flags = MxkTuningFlags.SharedAtomics }),
        ("4 warps/block, 16 blocks (grid-stride)", new MxkTuning { WarpsPerBlock = 4, MaxBlocks = 16 }),
        ("1 lane per edge group", new MxkTuning { GroupLanes = 1 }),
        ("32 lanes per edge group, 16 warps/block", new MxkTuning { GroupLanes = 32, WarpsPerBlock = 16 }),
        ("partitioned banks (SSpMM)", new MxkTuning { Flags = MxkTuningFlags.PartitionedBanks }),
    ];

    /// <summary>Shapes checked with CBSR arrays off the vector path's alignment (k % 4 == 0, so only alignment decides).</summary>
    public static IReadOnlyList<(int K, int Dim)> UnalignedCbsrShapes { get; } = [(8, 64), (32, 256), (16, 384)];

    /// <summary>Shapes the tunings are checked at: the vector path (k % 4 = 0) and the scalar one.</summary>
    public static IReadOnlyList<(int K, int Dim)> TuningShapes { get; } = [(32, 256), (3, 64)];

    /// <summary>Partition chunk sizes checked against the CPU <see cref="WorkPartition"/>.</summary>
    public static IReadOnlyList<int> PartitionChunks { get; } = [1, 64, GpuPartition.DefaultMaxChunk];

    /// <summary>The graph (as given) the forward, cuSPARSE and GNNAdvisor checks use.</summary>
    public CsrGraph Graph => _weighted;

    /// <summary>Every (k, D) of the grid with k ≤ D.</summary>
    public static IEnumerable<(int K, int Dim)> Shapes() =>
        from dim in Dims from k in Ks where k <= dim select (k, dim);

    /// <summary>The whole grid in a fixed order (<see cref="Plan"/>: what <c>maxk verify</c> runs), each check run as it is enumerated.</summary>
    public IEnumerable<GpuKernelCheck> All() => Plan().Select(p => p.Run(this));

    /// <summary>GPU selection of a fresh uniform matrix vs <see cref="MaxKSelector"/>: exact slots, indices and values.</summary>
    public GpuKernelCheck Select(int k, int dim, CbsrIndexWidth? width = null)
    {
        var w = width ?? Cbsr.IndexWidthFor(dim);
        return Check(KernelNames.MaxKSelect, SelectVariant(w), k, dim, "MaxKSelector (CPU), exact; " + Poisoned, 0, () =>
            SelectAgainstCpu(RandomInputs.Dense(_weighted.NodeCount, dim, _seed, Stream(1, (int)w, k, dim)), k, dim, w));
    }

    /// <summary>As <see cref="Select"/> on a matrix quantised to 9 levels (multiples of 1/4, ±0 included): ties everywhere.</summary>
    public GpuKernelCheck SelectWithTies(int k, int dim)
    {
        var w = Cbsr.IndexWidthFor(dim);
        return Check(KernelNames.MaxKSelect, SelectWithTiesVariant(w), k, dim, "MaxKSelector (CPU), exact, ties by lower column; " + Poisoned, 0, () =>
        {
            var x = RandomInputs.Dense(_weighted.NodeCount, dim, _seed, Stream(2, 0, k, dim));
            for (var i = 0; i < x.Length; i++)
                x[i] = MathF.Round(x[i] * 4) / 4;
            return SelectAgainstCpu(x, k, dim, w);
        });
    }

    /// <summary>SpGEMM forward on the weighted graph vs <see cref="SpgemmForwardReference"/> (optionally under a launch tuning).</summary>
    public GpuKernelCheck Forward(int k, int dim, CbsrIndexWidth? width = null, MxkTuning? tuning = null)
    {
        var w = width ?? Cbsr.IndexWidthFor(dim);
        return Check(KernelNames.MaxKForward, ForwardVariant(w, tuning), k, dim, "SpgemmForwardReference (CPU, double); " + Poisoned, Tolerance, () =>
        {
            var x = RandomCbsr(k, dim, Stream(3, (int)w + TuningIndex(tuning), k, dim));
            using var dx = DeviceCbsr.Upload(x, w);
            using var dy = Poison(DeviceBuffer.Allocate<float>((long)_weighted.NodeCount * dim));
            GpuSpgemmForward.Run(_pWeighted, dx, dy, tuning);
            CudaRuntime.Synchronize();
            return (MaxK.Verification.RelativeError.Compute(dy.ToArray<float>(), MaxKForwardKernel.Reference(_weighted, x)), 0);
        });
    }

    /// <summary>SpGEMM forward vs cuSPARSE SpMM (CSR ALG2) on the scattered (dense) X, both on the GPU.</summary>
    public GpuKernelCheck ForwardAgainstCuSparse(int k, int dim)
    {
        var w = Cbsr.IndexWidthFor(dim);
        return Check(KernelNames.MaxKForward, ForwardAgainstCuSparseVariant(w), k, dim, "cuSPARSE SpMM CSR_ALG2 on the scattered X; " + Poisoned, Tolerance, () =>
        {
            var x = RandomCbsr(k, dim, Stream(4, 0, k, dim));
            var n = (long)_weighted.NodeCount * dim;
            using var dx = DeviceCbsr.Upload(x, w);
            using var dense = DeviceBuffer.FromHost<float>(x.ScatterToDense());
            using var expected = Poison(DeviceBuffer.Allocate<float>(n));
            using var dy = Poison(DeviceBuffer.Allocate<float>(n));
            using (var spmm = new CuSparseSpmm(_dWeighted.View, dim, CuSparseSpmmAlgorithm.CsrAlg2, dense.Pointer, expected.Pointer))
                spmm.Run(dense, expected);
            GpuSpgemmForward.Run(_pWeighted, dx, dy);
            CudaRuntime.Synchronize();
            return (MaxK.Verification.RelativeError.Compute(dy.ToArray<float>(), expected.ToArray<float>()), 0);
        });
    }

    /// <summary>SSpMM backward on the mean-normalised (non-symmetric) graph vs <see cref="SspmmBackwardReference"/>.</summary>
    public GpuKernelCheck Backward(int k, int dim, CbsrIndexWidth? width = null, MxkTuning? tuning = null)
    {
        var w = width ?? Cbsr.IndexWidthFor(dim);
        return Check(KernelNames.MaxKBackward, BackwardVariant(w, tuning), k, dim, "SspmmBackwardReference (CPU, double, Aᵀ never built); " + Poisoned, Tolerance, () =>
        {
            var pattern = RandomCbsr(k, dim, Stream(5, (int)w + TuningIndex(tuning), k, dim));
            var g = RandomInputs.Dense(_mean.NodeCount, dim, _seed, Stream(8, (int)w + TuningIndex(tuning), k, dim));
            using var dp = DeviceCbsr.Upload(pattern, w);
            using var dg = DeviceBuffer.FromHost<float>(g);
            using var dxs = Poison(DeviceBuffer.Allocate<float>((long)_mean.NodeCount * k));
            GpuSspmmBackward.Run(_pMean, dg, dp, dxs, tuning);
            CudaRuntime.Synchronize();
            return (MaxK.Verification.RelativeError.Compute(dxs.ToArray<float>(), MaxKBackwardKernel.Reference(_mean, g, pattern)), 0);
        });
    }

    /// <summary>Backward scatter vs <see cref="MaxKBackwardScatterReference"/>: every element exactly equal.</summary>
    public GpuKernelCheck Scatter(int k, int dim, CbsrIndexWidth? width = null)
    {
        var w = width ?? Cbsr.IndexWidthFor(dim);
        return Check(KernelNames.MaxKBackwardScatter, ScatterVariant(w), k, dim, "MaxKBackwardScatterReference (CPU), exact; " + Poisoned, 0, () =>
        {
            var n = _weighted.NodeCount;
            var pattern = RandomCbsr(k, dim, Stream(6, (int)w, k, dim));
            var gradValues = RandomInputs.Dense(n, k, _seed, Stream(6, 5 + (int)w, k, dim));
            using var dp = DeviceCbsr.Upload(pattern, w);
            using var dv = DeviceBuffer.FromHost<float>(gradValues);
            using var dd = Poison(DeviceBuffer.Allocate<float>((long)n * dim));
            GpuMaxKBackwardScatter.Run(dv, dp, dd);
            CudaRuntime.Synchronize();
            var actual = dd.ToArray<float>();
            var expected = MaxKBackwardScatterKernel.Reference(pattern, gradValues);
            long mismatches = 0;
            for (var i = 0; i < actual.Length; i++)
            {
                if (!actual[i].Equals(expected[i]))
                    mismatches++;
            }
            return (MaxK.Verification.RelativeError.Compute(actual, expected), mismatches);
        });
    }

    /// <summary>GNNAdvisor SpMM (weighted) vs <see cref="DenseSpmmReference"/> in one of <see cref="GnnAdvisorVariants"/>.</summary>
    public GpuKernelCheck GnnAdvisor(int dim, string variant)
    {
        var n = _weighted.NodeCount;
        var e = _weighted.EdgeCount;
        GnnAdvisorConfig? config = null;
        return Check(KernelNames.GnnAdvisorSpmm, variant, 0, dim, "DenseSpmmReference (CPU, double); " + Poisoned, Tolerance, () =>
        {
            config = variant switch
            {
                "decide" => GnnAdvisorConfig.Decide(n, e, dim),
                "small-groups" => new GnnAdvisorConfig(3, 8, 5, MaxkShapeLimits.GnnAdvisorSharedMemoryBytes(3, 5, dim)),
                "maxk-gnn" => GnnAdvisorConfig.MaxkGnnBenchmark(n, e, dim),
                _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, $"Known variants: {string.Join(", ", GnnAdvisorVariants)}."),
            };
            var x = RandomInputs.Dense(n, dim, _seed, Stream(7, GnnAdvisorVariants.ToList().IndexOf(variant), 0, dim));
            using var dx = DeviceBuffer.FromHost<float>(x);
            using var dy = Poison(DeviceBuffer.Allocate<float>((long)n * dim));
            using var spmm = new GnnAdvisorSpmm(_dWeighted, dim, config);
            spmm.Run(dx, dy);
            CudaRuntime.Synchronize();
            return (MaxK.Verification.RelativeError.Compute(dy.ToArray<float>(), DenseSpmmKernel.Reference(_weighted, x, dim)), 0);
        }, () => config is null ? variant : $"{variant}: {config}");
    }

    public void Dispose()
    {
        DisposeSmallGraph();
        _pMean.Dispose();
        _pWeighted.Dispose();
        _dMean.Dispose();
        _dWeighted.Dispose();
    }

    private (double RelativeError, long Mismatches) SelectAgainstCpu(float[] x, int k, int dim, CbsrIndexWidth width)
    {
        var n = _weighted.NodeCount;
        using var dx = DeviceBuffer.FromHost<float>(x);
        using var output = DeviceCbsr.Allocate(n, dim, k, width);
        output.Poison();
        GpuMaxKSelect.Run(dx, output);
        CudaRuntime.Synchronize();
        var values = output.Values.ToArray<float>();
        var indices = DeviceCbsr.ConvertIndices(output.Indices.ToArray<byte>(), width, CbsrIndexWidth.UInt16, k, dim);
        var cpu = MaxKSelector.Select(x, n, dim, k);
        long mismatches = 0;
        var gpuDense = new float[(long)n * dim];
        for (var r = 0; r < n; r++)
        {
            for (var s = 0; s < k; s++)
            {
                var entry = ((long)r * k) + s;
                var index = BitConverter.ToUInt16(indices, (int)(entry * 2));
                if (index >= dim)
                {
                    mismatches++;
                    continue;
                }
                if (index != cpu.GetIndex(r, s) || !(values[entry] == cpu.Values[entry]))
                    mismatches++;
                gpuDense[((long)r * dim) + index] += values[entry];
            }
        }
        return (MaxK.Verification.RelativeError.Compute(gpuDense, cpu.ScatterToDense()), mismatches);
    }

    /// <summary>A CBSR with k distinct columns per row: the top-k pattern of a fresh uniform matrix (as the paper's harness: random columns, random values).</summary>
    private Cbsr RandomCbsr(int k, int dim, ulong stream) =>
        MaxKSelector.Select(RandomInputs.Dense(_weighted.NodeCount, dim, _seed, stream), _weighted.NodeCount, dim, k);

    private static GpuKernelCheck Check(string kernel, string variant, int k, int dim, string reference, double tolerance,
        Func<(double RelativeError, long Mismatches)> body, Func<string>? describeVariant = null)
    {
        try
        {
            var (error, mismatches) = body();
            return new GpuKernelCheck(kernel, describeVariant?.Invoke() ?? variant, k, dim, reference, error, tolerance, mismatches);
        }
        catch (VerificationFailedException ex)
        {
            return new GpuKernelCheck(kernel, describeVariant?.Invoke() ?? variant, k, dim, reference, 0, tolerance, ex.Count, ex.Message);
        }
        catch (Exception ex)
        {
            return new GpuKernelCheck(kernel, describeVariant?.Invoke() ?? variant, k, dim, reference, double.NaN, tolerance, 0, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static DeviceBuffer Poison(DeviceBuffer buffer)
    {
        buffer.FillBytes(0xFF);
        return buffer;
    }

    private static T Track<T>(List<IDisposable> owned, T item)
        where T : IDisposable
    {
        owned.Add(item);
        return item;
    }

    private static string WidthName(CbsrIndexWidth width) => width == CbsrIndexWidth.UInt8 ? "u8" : "u16";

    private static string TuningName(MxkTuning? tuning) =>
        tuning is { } t ? ", tuned: " + (Tunings.FirstOrDefault(x => x.Tuning.Equals(t)).Name ?? $"wpb {t.WarpsPerBlock}, blocks {t.MaxBlocks}, lanes {t.GroupLanes}, flags {t.Flags}") : "";

    /// <summary>0 without tuning, else 3 + the tuning's position (keeps tuned checks' inputs distinct from the plain ones).</summary>
    private static int TuningIndex(MxkTuning? tuning) =>
        tuning is { } t ? 3 + Math.Max(0, Tunings.ToList().FindIndex(x => x.Tuning.Equals(t))) : 0;

    /// <summary>A distinct random stream per (check, sub-input, k, D): each check gets fresh inputs.</summary>
    private static ulong Stream(int check, int sub, int k, int dim) => (ulong)((((check * 10L) + sub) * 10_000_000L) + (k * 1_000L) + dim);
}
