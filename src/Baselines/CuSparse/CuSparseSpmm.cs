using System.Diagnostics;
using MaxK.Interop;

namespace MaxK.Baselines.CuSparse;

/// <summary>
/// The cached cuSPARSE SpMM baseline Y = A · X: fp32 values, int32 zero-based indices, A non-transposed, row-major
/// X (K × D) and Y (M × D) with leading dimension D, alpha = 1, beta = 0, legacy default stream.
/// The handle, the three descriptors and the workspace are created once, in the constructor (DGL re-creates them
/// on every call, which is not the fair baseline; platform.md §1.3, §2.4). <see cref="Run(IntPtr, IntPtr)"/> only
/// rebinds the dense pointers (cusparseDnMatSetValues) and calls cusparseSpMM. Not thread-safe.
/// </summary>
public sealed class CuSparseSpmm : IDisposable
{
    private const float Alpha = 1f;
    private const float Beta = 0f;
    private const CuSparseOperation Op = CuSparseOperation.NonTranspose;

    private readonly CuSparseObjectHandle _handle;
    private readonly CuSparseObjectHandle _a;
    private readonly CuSparseObjectHandle _x;
    private readonly CuSparseObjectHandle _y;
    private readonly DeviceBuffer _workspace;
    private IntPtr _boundX;
    private IntPtr _boundY;

    /// <summary>
    /// Validates every argument (before any native call), then creates the handle, the descriptors and the workspace.
    /// </summary>
    /// <param name="matrix">A: M × K CSR in device memory (pointers must stay valid for this object's lifetime).</param>
    /// <param name="denseWidth">D, the number of feature columns of X and Y (≥ 1).</param>
    /// <param name="algorithm">The cuSPARSE SpMM algorithm.</param>
    /// <param name="x">Initial X: device buffer of K × D float32, row-major (cuSPARSE rejects null descriptor pointers).</param>
    /// <param name="y">Initial Y: device buffer of M × D float32, row-major, distinct from <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">A bad shape, pointer or algorithm (thrown before any native call).</exception>
    /// <exception cref="CuSparseException">A cuSPARSE call failed.</exception>
    public CuSparseSpmm(DeviceCsrView matrix, int denseWidth, CuSparseSpmmAlgorithm algorithm, IntPtr x, IntPtr y)
    {
        Validate(matrix, denseWidth, algorithm, x, y);
        Matrix = matrix;
        DenseWidth = denseWidth;
        Algorithm = algorithm;
        try
        {
            CuSparseNative.Check(CuSparseNative.cusparseCreate(out var h), "cusparseCreate");
            _handle = new CuSparseObjectHandle(h, CuSparseNative.cusparseDestroy);
            CuSparseNative.Check(CuSparseNative.cusparseSetStream(h, CudaRuntime.DefaultStream), "cusparseSetStream");
            CuSparseNative.Check(
                CuSparseNative.cusparseCreateCsr(
                    out var a, matrix.Rows, matrix.Columns, matrix.NonZeros, matrix.RowOffsets, matrix.ColumnIndices, matrix.Values,
                    CuSparseIndexType.Int32, CuSparseIndexType.Int32, CuSparseIndexBase.Zero, CudaDataType.R32F),
                "cusparseCreateCsr");
            _a = new CuSparseObjectHandle(a, CuSparseNative.cusparseDestroySpMat);
            CuSparseNative.Check(
                CuSparseNative.cusparseCreateDnMat(out var b, matrix.Columns, denseWidth, denseWidth, x, CudaDataType.R32F, CuSparseOrder.Row),
                "cusparseCreateDnMat(X)");
            _x = new CuSparseObjectHandle(b, CuSparseNative.cusparseDestroyDnMat);
            CuSparseNative.Check(
                CuSparseNative.cusparseCreateDnMat(out var c, matrix.Rows, denseWidth, denseWidth, y, CudaDataType.R32F, CuSparseOrder.Row),
                "cusparseCreateDnMat(Y)");
            _y = new CuSparseObjectHandle(c, CuSparseNative.cusparseDestroyDnMat);
            _boundX = x;
            _boundY = y;
            CuSparseNative.Check(
                CuSparseNative.cusparseSpMM_bufferSize(h, Op, Op, Alpha, a, b, Beta, c, CudaDataType.R32F, algorithm, out var bytes),
                "cusparseSpMM_bufferSize");
            WorkspaceBytes = checked((long)bytes);
            _workspace = DeviceBuffer.Allocate(WorkspaceBytes);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The sparse operand A.</summary>
    public DeviceCsrView Matrix { get; }

    /// <summary>D.</summary>
    public int DenseWidth { get; }

    public CuSparseSpmmAlgorithm Algorithm { get; }

    /// <summary>Bytes of device workspace cusparseSpMM_bufferSize asked for (allocated once, owned here).</summary>
    public long WorkspaceBytes { get; }

    /// <summary>True for <see cref="CuSparseSpmmAlgorithm.CsrAlg3"/>: <see cref="Preprocess"/> must run before <see cref="Run(IntPtr, IntPtr)"/>.</summary>
    public bool RequiresPreprocess => Algorithm == CuSparseSpmmAlgorithm.CsrAlg3;

    /// <summary>Whether <see cref="Preprocess"/> has run.</summary>
    public bool IsPreprocessed { get; private set; }

    /// <summary>Device time of the last <see cref="Preprocess"/> in ms (CUDA events around the call); null before.</summary>
    public double? PreprocessMilliseconds { get; private set; }

    /// <summary>Host wall time of the last <see cref="Preprocess"/> in ms, including the final synchronisation; null before.</summary>
    public double? PreprocessHostMilliseconds { get; private set; }

    /// <summary>
    /// Checks the constructor's arguments without touching the GPU: M, K ≥ 1 and ≤ int.MaxValue, 0 ≤ E ≤ int.MaxValue
    /// (32-bit indices), D ≥ 1, a defined algorithm, non-null CSR and dense pointers, and X ≠ Y.
    /// </summary>
    /// <exception cref="ArgumentException">The first violated condition.</exception>
    public static void Validate(DeviceCsrView matrix, int denseWidth, CuSparseSpmmAlgorithm algorithm, IntPtr x, IntPtr y)
    {
        if (matrix.Rows < 1 || matrix.Rows > int.MaxValue - 1)
            throw new ArgumentOutOfRangeException(nameof(matrix), matrix.Rows, "Rows must be in [1, 2^31 − 2] for 32-bit row offsets.");
        if (matrix.Columns < 1 || matrix.Columns > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(matrix), matrix.Columns, "Columns must be in [1, 2^31 − 1] for 32-bit column indices.");
        if (matrix.NonZeros < 0 || matrix.NonZeros > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(matrix), matrix.NonZeros, "NonZeros must be in [0, 2^31 − 1] for 32-bit offsets.");
        ArgumentOutOfRangeException.ThrowIfLessThan(denseWidth, 1);
        if (!Enum.IsDefined(algorithm))
            throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a CSR SpMM algorithm.");
        if (matrix.RowOffsets == IntPtr.Zero || matrix.ColumnIndices == IntPtr.Zero || matrix.Values == IntPtr.Zero)
            throw new ArgumentException("The CSR row offset, column index and value pointers must all be non-null.", nameof(matrix));
        if (x == IntPtr.Zero)
            throw new ArgumentException("X must be a non-null device pointer.", nameof(x));
        if (y == IntPtr.Zero)
            throw new ArgumentException("Y must be a non-null device pointer.", nameof(y));
        if (x == y)
            throw new ArgumentException("Y must not alias X.", nameof(y));
    }

    /// <summary>
    /// Runs cusparseSpMM_preprocess once (needed by ALG3, useful for ALG1) and records its time; synchronises.
    /// Its cost is paid once per graph, so callers report it separately from <see cref="Run(IntPtr, IntPtr)"/>.
    /// </summary>
    public void Preprocess()
    {
        using var start = new CudaEvent();
        using var stop = new CudaEvent();
        var host = Stopwatch.StartNew();
        start.Record();
        CuSparseNative.Check(
            CuSparseNative.cusparseSpMM_preprocess(
                _handle.Pointer, Op, Op, Alpha, _a.Pointer, _x.Pointer, Beta, _y.Pointer, CudaDataType.R32F, Algorithm, _workspace.Pointer),
            "cusparseSpMM_preprocess");
        stop.Record();
        stop.Synchronize();
        host.Stop();
        PreprocessMilliseconds = CudaEvent.ElapsedMilliseconds(start, stop);
        PreprocessHostMilliseconds = host.Elapsed.TotalMilliseconds;
        IsPreprocessed = true;
    }

    /// <summary>
    /// Enqueues Y = A · X on the legacy default stream (asynchronous). Rebinds the dense descriptors with
    /// cusparseDnMatSetValues when the pointers differ from the last call; nothing is re-created.
    /// </summary>
    /// <param name="x">Device buffer of K × D float32, row-major.</param>
    /// <param name="y">Device buffer of M × D float32, row-major; fully overwritten (beta = 0).</param>
    /// <exception cref="InvalidOperationException">ALG3 without <see cref="Preprocess"/>.</exception>
    public void Run(IntPtr x, IntPtr y)
    {
        if (x == IntPtr.Zero || y == IntPtr.Zero)
            throw new ArgumentException("X and Y must be non-null device pointers.");
        if (x == y)
            throw new ArgumentException("Y must not alias X.", nameof(y));
        if (RequiresPreprocess && !IsPreprocessed)
            throw new InvalidOperationException($"{Algorithm} needs Preprocess() before Run(); time it separately.");
        if (x != _boundX)
        {
            CuSparseNative.Check(CuSparseNative.cusparseDnMatSetValues(_x.Pointer, x), "cusparseDnMatSetValues(X)");
            _boundX = x;
        }
        if (y != _boundY)
        {
            CuSparseNative.Check(CuSparseNative.cusparseDnMatSetValues(_y.Pointer, y), "cusparseDnMatSetValues(Y)");
            _boundY = y;
        }
        CuSparseNative.Check(
            CuSparseNative.cusparseSpMM(
                _handle.Pointer, Op, Op, Alpha, _a.Pointer, _x.Pointer, Beta, _y.Pointer, CudaDataType.R32F, Algorithm, _workspace.Pointer),
            "cusparseSpMM");
    }

    /// <summary><see cref="Run(IntPtr, IntPtr)"/> on owned buffers, after checking they are large enough.</summary>
    /// <exception cref="OperandShapeMismatchException">X holds fewer than K × D or Y fewer than M × D floats.</exception>
    public void Run(DeviceBuffer x, DeviceBuffer y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length<float>() < Matrix.Columns * DenseWidth)
            throw new OperandShapeMismatchException($"X must hold K × D = {Matrix.Columns} × {DenseWidth} floats, has {x.Length<float>()}.");
        if (y.Length<float>() < Matrix.Rows * DenseWidth)
            throw new OperandShapeMismatchException($"Y must hold M × D = {Matrix.Rows} × {DenseWidth} floats, has {y.Length<float>()}.");
        Run(x.Pointer, y.Pointer);
        GC.KeepAlive(x);
        GC.KeepAlive(y);
    }

    /// <summary>Destroys the descriptors and the handle, then frees the workspace. Does not touch A, X or Y.</summary>
    public void Dispose()
    {
        _y?.Dispose();
        _x?.Dispose();
        _a?.Dispose();
        _handle?.Dispose();
        _workspace?.Dispose();
    }
}
