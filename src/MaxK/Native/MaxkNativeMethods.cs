using System.Runtime.InteropServices;

namespace MaxK.Native;

/// <summary>
/// <c>libmaxk_native.so</c>'s C ABI (<c>native/cuda/include/maxk_native.h</c>, version 0.3), one entry point per
/// exported function with the header's exact types: <c>int32_t</c> is <c>int</c>, <c>int64_t</c> is <c>long</c>,
/// device pointers and <c>void* stream</c> are <see cref="IntPtr"/> (zero is the legacy default stream), host
/// out-parameters are <c>out</c> or typed pointers, <c>const mxk_partition*</c> is a <see cref="MaxkPartitionHandle"/>.
/// Every function but the error helpers returns an <see cref="MxkStatus"/> as <c>int</c>: pass it to
/// <see cref="MaxkNative.Check"/>. The library is found by <see cref="MaxkNativeLibraryResolver"/>.
/// Device buffers: dense matrices and CBSR values 16-byte aligned (cudaMalloc gives 256); CSR int32 row offsets and
/// column indices, float32 values (zero = all ones).
/// </summary>
internal static unsafe partial class MaxkNativeMethods
{
    private const string Library = MaxkNativeLibraryResolver.LibraryName;

    /// <summary>Every export, for the resolver's check that a loaded library is complete.</summary>
    internal static readonly string[] ExportNames =
    [
        "mxk_last_error", "mxk_clear_error", "mxk_status_string", "mxk_version", "mxk_device_info", "mxk_build_info",
        "mxk_partition_create", "mxk_partition_destroy", "mxk_partition_get_info", "mxk_csr_validate",
        "mxk_maxk_select", "mxk_spgemm_forward", "mxk_sspmm_backward", "mxk_maxk_backward_scatter",
        "mxk_gnnadvisor_decide", "mxk_gnnadvisor_spmm",
    ];

    static MaxkNativeMethods() => MaxkNativeLibraryResolver.Register(typeof(MaxkNativeMethods).Assembly);

    /// <summary>const char* mxk_last_error(void): the calling thread's last message, valid until its next mxk_* call; never NULL.</summary>
    [LibraryImport(Library)]
    internal static partial IntPtr mxk_last_error();

    /// <summary>void mxk_clear_error(void).</summary>
    [LibraryImport(Library)]
    internal static partial void mxk_clear_error();

    /// <summary>const char* mxk_status_string(int status): a static name ("MXK_OK", ...).</summary>
    [LibraryImport(Library)]
    internal static partial IntPtr mxk_status_string(int status);

    /// <summary>int mxk_version(int32_t* major, int32_t* minor, int32_t* patch); always MXK_OK.</summary>
    [LibraryImport(Library)]
    internal static partial int mxk_version(out int major, out int minor, out int patch);

    /// <summary>int mxk_device_info(int32_t device, mxk_device_info_t* out).</summary>
    [LibraryImport(Library)]
    internal static partial int mxk_device_info(int device, out MxkDeviceInfo info);

    /// <summary>int mxk_build_info(char* buffer, int32_t buffer_len): NUL-terminated, truncated to fit.</summary>
    [LibraryImport(Library)]
    internal static partial int mxk_build_info(byte* buffer, int bufferLength);

    /// <summary>
    /// int mxk_partition_create(const int32_t* indptr, int32_t n_rows, int32_t nnz, int32_t max_chunk, void* stream,
    /// mxk_partition** out). Synchronises the stream. indptr [device]; n_rows ≥ 1; max_chunk 1..65,536.
    /// </summary>
    [LibraryImport(Library)]
    internal static partial int mxk_partition_create(IntPtr indptr, int nRows, int nnz, int maxChunk, IntPtr stream, out MaxkPartitionHandle partition);

    /// <summary>int mxk_partition_destroy(mxk_partition*): frees its device memory; NULL is a no-op.</summary>
    [LibraryImport(Library)]
    internal static partial int mxk_partition_destroy(IntPtr partition);

    /// <summary>int mxk_partition_get_info(const mxk_partition*, mxk_partition_info_t* out).</summary>
    [LibraryImport(Library)]
    internal static partial int mxk_partition_get_info(MaxkPartitionHandle partition, out MxkPartitionInfo info);

    /// <summary>
    /// int mxk_csr_validate(const int32_t* indptr, const int32_t* indices, const float* values, int32_t n_rows,
    /// int32_t n_cols, int32_t nnz, int32_t check_values, void* stream). Synchronises; MXK_ERR_INVALID_ARGUMENT names the first problem.
    /// </summary>
    [LibraryImport(Library)]
    internal static partial int mxk_csr_validate(IntPtr indptr, IntPtr indices, IntPtr values, int nRows, int nCols, int nnz, int checkValues, IntPtr stream);

    /// <summary>
    /// int mxk_maxk_select(const float* x, int32_t n_rows, int32_t dim, int32_t k, float* out_values, void* out_indices,
    /// int32_t index_width, void* stream).
    /// </summary>
    [LibraryImport(Library)]
    internal static partial int mxk_maxk_select(IntPtr x, int nRows, int dim, int k, IntPtr outValues, IntPtr outIndices, int indexWidth, IntPtr stream);

    /// <summary>
    /// int mxk_spgemm_forward(const mxk_partition*, const int32_t* indices, const float* values, int32_t n_cols,
    /// const float* x_values, const void* x_indices, int32_t index_width, int32_t k, int32_t dim, float* y,
    /// const mxk_tuning_t* tuning, void* stream). Writes all of y.
    /// </summary>
    [LibraryImport(Library)]
    internal static partial int mxk_spgemm_forward(
        MaxkPartitionHandle partition, IntPtr indices, IntPtr values, int nCols, IntPtr xValues, IntPtr xIndices,
        int indexWidth, int k, int dim, IntPtr y, MxkTuning* tuning, IntPtr stream);

    /// <summary>
    /// int mxk_sspmm_backward(const mxk_partition*, const int32_t* indices, const float* values, int32_t n_cols,
    /// const float* grad_y, const void* x_indices, int32_t index_width, int32_t k, int32_t dim, float* grad_xs,
    /// const mxk_tuning_t* tuning, void* stream). Zeroes grad_xs itself.
    /// </summary>
    [LibraryImport(Library)]
    internal static partial int mxk_sspmm_backward(
        MaxkPartitionHandle partition, IntPtr indices, IntPtr values, int nCols, IntPtr gradY, IntPtr xIndices,
        int indexWidth, int k, int dim, IntPtr gradXs, MxkTuning* tuning, IntPtr stream);

    /// <summary>
    /// int mxk_maxk_backward_scatter(const float* grad_values, const void* indices, int32_t index_width, int32_t n_rows,
    /// int32_t k, int32_t dim, float* grad_dense, void* stream). Writes all of grad_dense.
    /// </summary>
    [LibraryImport(Library)]
    internal static partial int mxk_maxk_backward_scatter(IntPtr gradValues, IntPtr indices, int indexWidth, int nRows, int k, int dim, IntPtr gradDense, IntPtr stream);

    /// <summary>
    /// int mxk_gnnadvisor_decide(int32_t n_rows, int64_t nnz, int32_t dim, int32_t hidden_layer_quirk,
    /// int32_t shared_mem_limit_bytes, mxk_gnnadvisor_config_t* out). Pure host computation.
    /// </summary>
    [LibraryImport(Library)]
    internal static partial int mxk_gnnadvisor_decide(int nRows, long nnz, int dim, int hiddenLayerQuirk, int sharedMemLimitBytes, out MxkGnnAdvisorConfig config);

    /// <summary>
    /// int mxk_gnnadvisor_spmm(const mxk_partition*, const int32_t* indices, const float* values, int32_t n_cols,
    /// const float* x, int32_t dim, int32_t wpb, int32_t dw, float* y, void* stream). Zeroes y itself.
    /// </summary>
    [LibraryImport(Library)]
    internal static partial int mxk_gnnadvisor_spmm(
        MaxkPartitionHandle partition, IntPtr indices, IntPtr values, int nCols, IntPtr x, int dim, int wpb, int dw, IntPtr y, IntPtr stream);
}
