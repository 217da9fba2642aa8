using MaxK.Formats;
using MaxK.Native;

namespace MaxK.Kernels;

/// <summary>
/// The shape limits <c>maxk_native.h</c> documents, applied on the managed side before any call so that a wrapper
/// fails with the same <see cref="MaxkNativeException"/> (<see cref="MxkStatus.UnsupportedShape"/>, with
/// <see cref="MaxkNativeException.CheckedBeforeCall"/> set) and a message naming the limit. Pure: no GPU needed.
/// Invalid arguments (an index width other than 1 or 2, negative sizes) throw <see cref="ArgumentException"/>s.
/// </summary>
public static class MaxkShapeLimits
{
    /// <summary>Largest D of uint8 CBSR indices (MXK_INDEX_U8).</summary>
    public const int MaxUInt8Dim = 256;

    /// <summary>Largest D of MaxK selection and of the backward scatter.</summary>
    public const int MaxSelectDim = 65_536;

    /// <summary>Selection keeps a row in one warp's registers up to this D; above it, k is limited to <see cref="MaxBlockSelectK"/>.</summary>
    public const int MaxWarpSelectDim = 1_024;

    /// <summary>Largest k of the block-per-row selection path (D &gt; <see cref="MaxWarpSelectDim"/>).</summary>
    public const int MaxBlockSelectK = 4_096;

    /// <summary>Largest k of the SpGEMM forward and SSpMM backward.</summary>
    public const int MaxProductK = 256;

    /// <summary>Smallest D of the SpGEMM forward and SSpMM backward.</summary>
    public const int MinProductDim = 32;

    /// <summary>Largest D of the SpGEMM forward and SSpMM backward.</summary>
    public const int MaxProductDim = 4_096;

    /// <summary>D of the SpGEMM forward and SSpMM backward must be a multiple of this (a warp's width).</summary>
    public const int ProductDimMultiple = 32;

    /// <summary>Largest D of the GNNAdvisor SpMM (its shared memory limits it further, per device).</summary>
    public const int MaxGnnAdvisorDim = 65_536;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless the width is uint8 (1) or uint16 (2).</summary>
    public static void CheckIndexWidth(CbsrIndexWidth width)
    {
        if (width is not (CbsrIndexWidth.UInt8 or CbsrIndexWidth.UInt16))
            throw new ArgumentOutOfRangeException(nameof(width), width, "The CBSR index width must be 1 (uint8) or 2 (uint16) bytes.");
    }

    /// <summary>mxk_maxk_select: D in [1, 65,536], k in [1, D], uint8 only for D ≤ 256, k ≤ 4,096 when D &gt; 1,024.</summary>
    public static void CheckSelect(int dim, int k, CbsrIndexWidth width)
    {
        const string call = "mxk_maxk_select";
        CheckIndexWidth(width);
        if (dim < 1 || dim > MaxSelectDim)
            throw MaxkNativeException.UnsupportedShape(call, $"dim must be in [1, {MaxSelectDim}] (got {dim})");
        if (k < 1 || k > dim)
            throw MaxkNativeException.UnsupportedShape(call, $"k must be in [1, dim = {dim}] (got {k})");
        CheckUInt8(call, dim, width);
        if (dim > MaxWarpSelectDim && k > MaxBlockSelectK)
            throw MaxkNativeException.UnsupportedShape(call, $"for dim > {MaxWarpSelectDim}, k must be <= {MaxBlockSelectK} (got k {k})");
    }

    /// <summary>
    /// mxk_spgemm_forward and mxk_sspmm_backward: D a multiple of 32 in [32, 4,096], k in [1, min(256, D)], uint8 only
    /// for D ≤ 256.
    /// </summary>
    public static void CheckProduct(string call, int dim, int k, CbsrIndexWidth width)
    {
        CheckIndexWidth(width);
        if (dim < MinProductDim || dim > MaxProductDim || dim % ProductDimMultiple != 0)
            throw MaxkNativeException.UnsupportedShape(call, $"dim must be a multiple of {ProductDimMultiple} in [{MinProductDim}, {MaxProductDim}] (got {dim})");
        if (k < 1 || k > MaxProductK || k > dim)
            throw MaxkNativeException.UnsupportedShape(call, $"k must be in [1, min({MaxProductK}, dim = {dim})] (got {k})");
        CheckUInt8(call, dim, width);
    }

    /// <summary>mxk_maxk_backward_scatter: D in [1, 65,536], k in [1, D], uint8 only for D ≤ 256.</summary>
    public static void CheckScatter(int dim, int k, CbsrIndexWidth width)
    {
        const string call = "mxk_maxk_backward_scatter";
        CheckIndexWidth(width);
        if (dim < 1 || dim > MaxSelectDim)
            throw MaxkNativeException.UnsupportedShape(call, $"dim must be in [1, {MaxSelectDim}] (got {dim})");
        if (k < 1 || k > dim)
            throw MaxkNativeException.UnsupportedShape(call, $"k must be in [1, dim = {dim}] (got {k})");
        CheckUInt8(call, dim, width);
    }

    /// <summary>
    /// mxk_gnnadvisor_spmm: D in [1, 65,536], and the kernel's shared memory wpb · (8·ngs + 4·D) bytes within
    /// <paramref name="sharedMemoryLimitBytes"/> (the device's opt-in limit; ≤ 0 skips that part).
    /// </summary>
    public static void CheckGnnAdvisor(int dim, int ngs, int wpb, long sharedMemoryLimitBytes)
    {
        const string call = "mxk_gnnadvisor_spmm";
        if (dim < 1 || dim > MaxGnnAdvisorDim)
            throw MaxkNativeException.UnsupportedShape(call, $"dim must be in [1, {MaxGnnAdvisorDim}] (got {dim})");
        var bytes = GnnAdvisorSharedMemoryBytes(ngs, wpb, dim);
        if (sharedMemoryLimitBytes > 0 && bytes > sharedMemoryLimitBytes)
            throw MaxkNativeException.UnsupportedShape(call, $"needs {bytes} bytes of shared memory per block, device allows {sharedMemoryLimitBytes}");
    }

    /// <summary>Shared memory per block of the GNNAdvisor kernel: wpb · (8·ngs + 4·dim) bytes (ids and weights, partial row).</summary>
    public static long GnnAdvisorSharedMemoryBytes(int ngs, int wpb, int dim) => (long)wpb * ((8L * ngs) + (4L * dim));

    private static void CheckUInt8(string call, int dim, CbsrIndexWidth width)
    {
        if (width == CbsrIndexWidth.UInt8 && dim > MaxUInt8Dim)
            throw MaxkNativeException.UnsupportedShape(call, $"uint8 CBSR indices need dim <= {MaxUInt8Dim} (got dim {dim}); use uint16");
    }
}
