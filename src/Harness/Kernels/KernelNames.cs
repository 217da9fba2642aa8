using MaxK.Harness.Kernels.Descriptors;

namespace MaxK.Harness.Kernels;

/// <summary>
/// Kernel and implementation ids as spelled in result records (fixed by the kernel issue so outside tools can read them).
/// Each kernel id is spelled once, in its descriptor (<see cref="KernelCatalog"/>); the names here are what other code
/// (suites, analysis, the site) refers to, and the catalogue-wide facts about an id.
/// </summary>
public static class KernelNames
{
    public const string MaxKSelect = MaxKSelectKernel.Name;
    public const string MaxKForward = MaxKForwardKernel.Name;
    public const string MaxKBackward = MaxKBackwardKernel.Name;
    public const string CuSparseSpmmAlg2 = CuSparseSpmmAlg2Kernel.Name;
    public const string CuSparseSpmmAlg3 = CuSparseSpmmAlg3Kernel.Name;
    public const string GnnAdvisorSpmm = GnnAdvisorSpmmKernel.Name;

    /// <summary>
    /// The GNNAdvisor-style SpMM at the best (ngs, wpb) of a small sweep timed at set-up (its <c>config</c> names the
    /// choice); <see cref="GnnAdvisorSpmm"/> is the same kernel with its own decider. Headline "vs GNNAdvisor" ratios use
    /// this one where a run has it (<see cref="GnnAdvisorSpmmBestKernel"/>).
    /// </summary>
    public const string GnnAdvisorSpmmBest = GnnAdvisorSpmmBestKernel.Name;

    /// <summary>cuSPARSE SpMM with its default algorithm, the released MaxK-GNN code's baseline (its peer records, <see cref="ReleasedCuSparseKernel"/>).</summary>
    public const string CuSparseSpmmDefault = ReleasedCuSparseKernel.Name;

    /// <summary>
    /// The released MaxK-GNN kernels run as a black-box peer (<see cref="Vocabulary.PeerImplementations"/>): their records
    /// fill only the "released code" columns, never a headline or one of our speed-ups.
    /// </summary>
    public const string MaxkGnnReleased = Vocabulary.PeerImplementations.MaxkGnnReleased;

    /// <summary>A device-to-device copy of N × D floats: the GPU's achievable memory bandwidth, the GB/s reference line.</summary>
    public const string DeviceCopy = DeviceCopyKernel.Name;

    /// <summary>Dense SpMM Y = A·X at full width, the CPU reference's baseline.</summary>
    public const string DenseSpmm = DenseSpmmKernel.Name;

    /// <summary>The backward of the MaxK nonlinearity (scatter of the CBSR gradient to N × D); verified, not benchmarked.</summary>
    public const string MaxKBackwardScatter = MaxKBackwardScatterKernel.Name;

    /// <summary>DIAGNOSTIC loads-only floor of <see cref="MaxKForward"/> (<see cref="MaxKForwardFloorKernel"/>).</summary>
    public const string MaxKForwardFloor = MaxKForwardFloorKernel.Name;

    /// <summary>DIAGNOSTIC loads-only floor of <see cref="MaxKBackward"/> (<see cref="MaxKBackwardFloorKernel"/>).</summary>
    public const string MaxKBackwardFloor = MaxKBackwardFloorKernel.Name;

    /// <summary>Implementation id of the CPU reference kernels.</summary>
    public const string CpuReference = "cpu_reference";

    /// <summary>Kernels of libmaxk_native.so (MaxK kernels and the GNNAdvisor-style baseline).</summary>
    public const string MaxkNative = "maxk_native";

    /// <summary>NVIDIA cuSPARSE's generic SpMM.</summary>
    public const string CuSparse = "cusparse";

    /// <summary>Implementation id of <see cref="DeviceCopy"/>: the CUDA runtime's cudaMemcpyAsync.</summary>
    public const string CudaRuntime = "cuda_runtime";

    /// <summary>Kernels whose output is wrong by design: never verified, never in speed-ups, geo-means, headlines or summaries.</summary>
    public static IReadOnlyList<string> Diagnostic { get; } = [.. KernelCatalog.All.Where(d => d.IsDiagnostic).Select(d => d.Id)];

    /// <summary>True for a <see cref="Diagnostic"/> kernel.</summary>
    public static bool IsDiagnostic(string kernel) => KernelCatalog.Find(kernel)?.IsDiagnostic == true;

    /// <summary>
    /// True for an SpMM-like kernel, whose time compares with the SpMM baselines (cuSPARSE ALG2, the GNNAdvisor-style
    /// kernel): not selection, not the device copy (a bandwidth probe), not a diagnostic floor. False for ids outside the catalogue.
    /// </summary>
    public static bool IsSpmm(string kernel) => KernelCatalog.Find(kernel) is { Role: KernelRole.Spmm, IsDiagnostic: false };

    /// <summary>True for a kernel whose results carry a speed-up against cuSPARSE ALG2: an SpMM-like kernel other than ALG2 itself.</summary>
    public static bool HasSpeedup(string kernel) => IsSpmm(kernel) && KernelCatalog.Find(kernel) is { IsSpeedupBaseline: false };

    /// <summary>The kernel a floor variant is the lower bound of (maxk_forward_floor → maxk_forward); other names unchanged.</summary>
    public static string Measured(string kernel) => KernelCatalog.Find(kernel)?.Bounds ?? kernel;

    /// <summary>The note every floor case carries instead of a verification reference.</summary>
    public const string FloorVerificationNote = "not verifiable: loads-only floor, output wrong by design (lower bound, not a result)";

    /// <summary>How pages and tables label a floor case.</summary>
    public const string FloorLabel = "loads-only floor (diagnostic, wrong output)";
}
