using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Native;

namespace MaxK.Baselines.GnnAdvisor;

/// <summary>
/// The GNNAdvisor-style SpMM baseline Y = A · X (<c>mxk_gnnadvisor_spmm</c>): weighted, so it computes the same product
/// as <see cref="CuSparse.CuSparseSpmm"/>. One warp per neighbour group of at most ngs edges (the partition records,
/// built here once with max_chunk = ngs and owned), wpb warps per block, lanes &lt; dw own features lane, lane + dw, …;
/// partial rows flushed with float atomicAdd. The call zeroes Y itself. Legacy default stream. Not thread-safe.
/// </summary>
public sealed class GnnAdvisorSpmm : IDisposable
{
    public const string NativeName = "mxk_gnnadvisor_spmm";

    private readonly GpuPartition _groups;
    private readonly DeviceCsr? _owner;

    /// <summary>
    /// Validates the configuration against the header and the current device's opt-in shared memory, then builds the
    /// neighbour groups (synchronises).
    /// </summary>
    /// <param name="matrix">A: the CSR in device memory (its buffers must outlive this object).</param>
    /// <param name="dim">D, the feature width of X and Y.</param>
    /// <param name="config">ngs, dw, wpb (e.g. <see cref="GnnAdvisorConfig.Decide"/>).</param>
    /// <exception cref="MaxkNativeException">D outside [1, 65,536] or the shared memory over the device limit (MXK_ERR_UNSUPPORTED_SHAPE).</exception>
    public GnnAdvisorSpmm(DeviceCsrView matrix, int dim, GnnAdvisorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        MaxkShapeLimits.CheckGnnAdvisor(dim, config.Ngs, config.Wpb, CudaRuntime.GetAttribute(CudaDeviceAttribute.MaxSharedMemoryPerBlockOptin, CurrentDevice()));
        Matrix = matrix;
        Dim = dim;
        Config = config;
        _groups = GpuPartition.Create(matrix, config.Ngs);
    }

    /// <summary>As the main constructor, for an owned upload (kept reachable while this object lives).</summary>
    public GnnAdvisorSpmm(DeviceCsr matrix, int dim, GnnAdvisorConfig config)
        : this((matrix ?? throw new ArgumentNullException(nameof(matrix))).View, dim, config)
    {
        _owner = matrix;
    }

    public DeviceCsrView Matrix { get; }

    /// <summary>D.</summary>
    public int Dim { get; }

    public GnnAdvisorConfig Config { get; }

    /// <summary>The neighbour groups (records of at most ngs edges).</summary>
    public GpuPartition Groups => _groups;

    /// <summary>Enqueues Y = A · X: X columns × D floats, Y N × D floats (zeroed by the call), both 16-byte aligned.</summary>
    public void Run(IntPtr x, IntPtr y)
    {
        if (x == IntPtr.Zero || y == IntPtr.Zero)
            throw new ArgumentException("X and Y must be non-null device pointers.");
        if (x == y)
            throw new ArgumentException("Y must not alias X.", nameof(y));
        if ((nint)x % 16 != 0 || (nint)y % 16 != 0)
            throw new ArgumentException("X and Y must be 16-byte aligned.");
        var status = MaxkNativeMethods.mxk_gnnadvisor_spmm(
            _groups.Handle, Matrix.ColumnIndices, Matrix.Values, (int)Matrix.Columns, x, Dim, Config.Wpb, Config.Dw, y, CudaRuntime.DefaultStream);
        GC.KeepAlive(_groups);
        GC.KeepAlive(_owner);
        MaxkNative.Check(status, NativeName);
    }

    /// <summary><see cref="Run(IntPtr, IntPtr)"/> on owned buffers, after checking their sizes.</summary>
    /// <exception cref="OperandShapeMismatchException">X holds fewer than columns × D or Y fewer than N × D floats.</exception>
    public void Run(DeviceBuffer x, DeviceBuffer y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length<float>() < Matrix.Columns * Dim)
            throw new OperandShapeMismatchException($"X must hold columns × D = {Matrix.Columns} × {Dim} floats, has {x.Length<float>()}.");
        if (y.Length<float>() < Matrix.Rows * Dim)
            throw new OperandShapeMismatchException($"Y must hold N × D = {Matrix.Rows} × {Dim} floats, has {y.Length<float>()}.");
        Run(x.Pointer, y.Pointer);
        GC.KeepAlive(x);
        GC.KeepAlive(y);
    }

    /// <summary>Frees the neighbour groups. Does not touch A, X or Y.</summary>
    public void Dispose() => _groups.Dispose();

    private static int CurrentDevice()
    {
        CudaRuntime.Check(CudaRuntime.cudaGetDevice(out var device), "cudaGetDevice");
        return device;
    }
}
