namespace MaxK.Harness.Suites;

/// <summary>Kernel ids as spelled in result records (fixed by the kernel issue so outside tools can read them).</summary>
public static class KernelNames
{
    public const string MaxKSelect = "maxk_select";
    public const string MaxKForward = "maxk_forward";
    public const string MaxKBackward = "maxk_backward";
    public const string CuSparseSpmmAlg2 = "cusparse_spmm_alg2";
    public const string CuSparseSpmmAlg3 = "cusparse_spmm_alg3";
    public const string GnnAdvisorSpmm = "gnnadvisor_spmm";

    /// <summary>
    /// The GNNAdvisor-style SpMM at the best (ngs, wpb) of a small sweep timed at set-up (its <c>config</c> names the
    /// choice); <see cref="GnnAdvisorSpmm"/> is the same kernel with its own decider. Headline "vs GNNAdvisor" ratios use
    /// this one where a run has it.
    /// </summary>
    public const string GnnAdvisorSpmmBest = "gnnadvisor_spmm_best";

    /// <summary>cuSPARSE SpMM with its default algorithm, the baseline of the released MaxK-GNN code (peer records).</summary>
    public const string CuSparseSpmmDefault = "cusparse_spmm_default";

    /// <summary>A device-to-device copy of N × D floats: the GPU's achievable memory bandwidth, the GB/s reference line.</summary>
    public const string DeviceCopy = "device_copy";

    /// <summary>Implementation id of <see cref="DeviceCopy"/>.</summary>
    public const string CudaRuntime = "cuda_runtime";

    /// <summary>Dense SpMM Y = A·X at full width, the CPU reference's baseline.</summary>
    public const string DenseSpmm = "dense_spmm";

    /// <summary>The backward of the MaxK nonlinearity (scatter of the CBSR gradient to N × D); verified, not benchmarked.</summary>
    public const string MaxKBackwardScatter = "maxk_backward_scatter";

    /// <summary>Implementation ids.</summary>
    public const string CpuReference = "cpu_reference";

    /// <summary>Kernels of libmaxk_native.so (MaxK kernels and the GNNAdvisor-style baseline).</summary>
    public const string MaxkNative = "maxk_native";

    /// <summary>NVIDIA cuSPARSE's generic SpMM.</summary>
    public const string CuSparse = "cusparse";

    /// <summary>
    /// The released MaxK-GNN kernels run as a black-box peer (never verified, timed with their own protocol): their
    /// records fill only the "released code" columns, never a headline or one of our speed-ups.
    /// </summary>
    public const string MaxkGnnReleased = "maxk-gnn-released";

    /// <summary>
    /// DIAGNOSTIC: <see cref="MaxKForward"/> with MXK_TUNE_DIAGNOSTIC_SKIP_ACCUMULATE (loads, shuffles and flush only, no
    /// shared-memory accumulation). Its output is wrong by design; its time is a lower bound of the forward kernel.
    /// </summary>
    public const string MaxKForwardFloor = "maxk_forward_floor";

    /// <summary>DIAGNOSTIC: <see cref="MaxKBackward"/> with plain stores instead of atomics; output wrong by design, time a lower bound.</summary>
    public const string MaxKBackwardFloor = "maxk_backward_floor";

    /// <summary>GPU kernels, in the order that fixes their input streams (new kernels go at the end).</summary>
    public static readonly string[] Gpu = [MaxKSelect, MaxKForward, MaxKBackward, CuSparseSpmmAlg2, CuSparseSpmmAlg3, GnnAdvisorSpmm, DeviceCopy, MaxKForwardFloor, MaxKBackwardFloor];

    /// <summary>Kernels whose output is wrong by design: never verified, never in speed-ups, geo-means, headlines or summaries.</summary>
    public static readonly string[] Diagnostic = [MaxKForwardFloor, MaxKBackwardFloor];

    /// <summary>True for a <see cref="Diagnostic"/> kernel.</summary>
    public static bool IsDiagnostic(string kernel) => Array.IndexOf(Diagnostic, kernel) >= 0;

    /// <summary>
    /// True for an SpMM-like kernel, whose time compares with the SpMM baselines (cuSPARSE ALG2, the GNNAdvisor-style
    /// kernel): not selection, not the device copy (a bandwidth probe), not a diagnostic floor.
    /// </summary>
    public static bool IsSpmm(string kernel) => kernel is not (MaxKSelect or DeviceCopy) && !IsDiagnostic(kernel);

    /// <summary>True for a kernel whose results carry a speed-up against cuSPARSE ALG2: an SpMM-like kernel other than ALG2 itself.</summary>
    public static bool HasSpeedup(string kernel) => IsSpmm(kernel) && kernel != CuSparseSpmmAlg2;

    /// <summary>The kernel a floor variant is the lower bound of (maxk_forward_floor → maxk_forward); other names unchanged.</summary>
    public static string Measured(string kernel) => kernel switch
    {
        MaxKForwardFloor => MaxKForward,
        MaxKBackwardFloor => MaxKBackward,
        _ => kernel,
    };

    /// <summary>The note every floor case carries instead of a verification reference.</summary>
    public const string FloorVerificationNote = "not verifiable: loads-only floor, output wrong by design (lower bound, not a result)";

    /// <summary>How pages and tables label a floor case.</summary>
    public const string FloorLabel = "loads-only floor (diagnostic, wrong output)";
}
