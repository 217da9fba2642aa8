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

    public static readonly string[] Gpu = [MaxKSelect, MaxKForward, MaxKBackward, CuSparseSpmmAlg2, CuSparseSpmmAlg3, GnnAdvisorSpmm, DeviceCopy];
}
