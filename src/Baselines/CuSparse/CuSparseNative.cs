using System.Runtime.InteropServices;
using MaxK.Interop;

namespace MaxK.Baselines.CuSparse;

/// <summary>
/// cuSPARSE's generic API (libcusparse.so.12, resolved by <see cref="CudaLibraryResolver"/>), as declared in the
/// 13.0 header (platform.md §1.3). Handles and descriptors are opaque pointers; <c>int64_t</c> is <c>long</c>;
/// alpha and beta are host floats (host pointer mode); every function returns a <c>cusparseStatus_t</c>, which
/// callers pass to <see cref="Check"/>.
/// </summary>
internal static partial class CuSparseNative
{
    private const string Library = CudaLibraryResolver.Sparse;

    static CuSparseNative() => CudaLibraryResolver.Register(typeof(CuSparseNative).Assembly);

    /// <summary>Throws <see cref="CuSparseException"/> naming <paramref name="call"/> unless the status is success.</summary>
    public static void Check(int status, string call)
    {
        if (status == (int)CuSparseStatus.Success)
            return;
        var name = Marshal.PtrToStringUTF8(cusparseGetErrorName(status)) ?? $"cusparseStatus {status}";
        var description = Marshal.PtrToStringUTF8(cusparseGetErrorString(status)) ?? "no description";
        throw new CuSparseException(status, call, name, description);
    }

    [LibraryImport(Library)]
    public static partial int cusparseCreate(out IntPtr handle);

    [LibraryImport(Library)]
    public static partial int cusparseDestroy(IntPtr handle);

    /// <summary><paramref name="stream"/> is a <c>cudaStream_t</c>; zero is the legacy default stream.</summary>
    [LibraryImport(Library)]
    public static partial int cusparseSetStream(IntPtr handle, IntPtr stream);

    /// <summary>Version as 1000·major + 100·minor + patch (e.g. 12603).</summary>
    [LibraryImport(Library)]
    public static partial int cusparseGetVersion(IntPtr handle, out int version);

    /// <summary><paramref name="property"/> is <c>libraryPropertyType</c>: MAJOR_VERSION 0, MINOR_VERSION 1, PATCH_LEVEL 2.</summary>
    [LibraryImport(Library)]
    public static partial int cusparseGetProperty(int property, out int value);

    /// <summary>Static <c>const char*</c>; never freed.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr cusparseGetErrorString(int status);

    /// <summary>Static <c>const char*</c>; never freed.</summary>
    [LibraryImport(Library)]
    public static partial IntPtr cusparseGetErrorName(int status);

    /// <summary>
    /// CSR descriptor over device buffers: <paramref name="rowOffsets"/> (rows + 1 entries), <paramref name="columnIndices"/>
    /// and <paramref name="values"/> (nnz entries each). cuSPARSE 12 rejects null pointers.
    /// </summary>
    [LibraryImport(Library)]
    public static partial int cusparseCreateCsr(
        out IntPtr spMatDescr,
        long rows,
        long cols,
        long nnz,
        IntPtr rowOffsets,
        IntPtr columnIndices,
        IntPtr values,
        CuSparseIndexType rowOffsetsType,
        CuSparseIndexType columnIndicesType,
        CuSparseIndexBase indexBase,
        CudaDataType valueType);

    /// <summary>Dense descriptor over a device buffer of ld × cols (column-major) or rows × ld (row-major) elements.</summary>
    [LibraryImport(Library)]
    public static partial int cusparseCreateDnMat(
        out IntPtr dnMatDescr,
        long rows,
        long cols,
        long ld,
        IntPtr values,
        CudaDataType valueType,
        CuSparseOrder order);

    [LibraryImport(Library)]
    public static partial int cusparseDestroySpMat(IntPtr spMatDescr);

    [LibraryImport(Library)]
    public static partial int cusparseDestroyDnMat(IntPtr dnMatDescr);

    /// <summary>Rebinds a dense descriptor to another device buffer of the same shape.</summary>
    [LibraryImport(Library)]
    public static partial int cusparseDnMatSetValues(IntPtr dnMatDescr, IntPtr values);

    /// <summary>Rebinds a CSR descriptor to other device buffers of the same shape.</summary>
    [LibraryImport(Library)]
    public static partial int cusparseCsrSetPointers(IntPtr spMatDescr, IntPtr rowOffsets, IntPtr columnIndices, IntPtr values);

    /// <summary>Workspace size in bytes that <see cref="cusparseSpMM"/> and <see cref="cusparseSpMM_preprocess"/> need.</summary>
    [LibraryImport(Library)]
    public static partial int cusparseSpMM_bufferSize(
        IntPtr handle,
        CuSparseOperation opA,
        CuSparseOperation opB,
        in float alpha,
        IntPtr matA,
        IntPtr matB,
        in float beta,
        IntPtr matC,
        CudaDataType computeType,
        CuSparseSpmmAlgorithm algorithm,
        out nuint bufferSize);

    /// <summary>Analyses matA once (helps CSR_ALG1 and CSR_ALG3); <paramref name="externalBuffer"/> is the device workspace.</summary>
    [LibraryImport(Library)]
    public static partial int cusparseSpMM_preprocess(
        IntPtr handle,
        CuSparseOperation opA,
        CuSparseOperation opB,
        in float alpha,
        IntPtr matA,
        IntPtr matB,
        in float beta,
        IntPtr matC,
        CudaDataType computeType,
        CuSparseSpmmAlgorithm algorithm,
        IntPtr externalBuffer);

    /// <summary>C = alpha · op(A) · op(B) + beta · C, asynchronous on the handle's stream.</summary>
    [LibraryImport(Library)]
    public static partial int cusparseSpMM(
        IntPtr handle,
        CuSparseOperation opA,
        CuSparseOperation opB,
        in float alpha,
        IntPtr matA,
        IntPtr matB,
        in float beta,
        IntPtr matC,
        CudaDataType computeType,
        CuSparseSpmmAlgorithm algorithm,
        IntPtr externalBuffer);
}
