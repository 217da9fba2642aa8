using MaxK.Interop;
using MaxK.Native;

namespace MaxK.Kernels;

/// <summary>
/// The native work partition of a CSR graph in device memory (<c>mxk_partition_create</c>): rows cut, in order, into
/// records of at most <see cref="MaxChunk"/> edges; a row of degree 0 gets none. One partition drives the SpGEMM
/// forward and SSpMM backward of its graph; built with max_chunk = ngs it is GNNAdvisor's neighbour-group list.
/// Owns the native object (a <see cref="MaxkPartitionHandle"/>) and remembers the CSR it was built for, whose
/// buffers must outlive it (the <see cref="DeviceCsr"/> overload keeps that object reachable itself).
/// </summary>
public sealed class GpuPartition : IDisposable
{
    /// <summary>MXK_DEFAULT_CHUNK: average-degree rows stay in one record (plain stores); hub rows are split.</summary>
    public const int DefaultMaxChunk = 1_024;

    /// <summary>Largest max_chunk the library accepts.</summary>
    public const int MaxChunkLimit = 65_536;

    private readonly MaxkPartitionHandle _handle;
    private readonly DeviceCsr? _owner;

    private GpuPartition(DeviceCsrView csr, MaxkPartitionHandle handle, MxkPartitionInfo info, DeviceCsr? owner)
    {
        Csr = csr;
        _handle = handle;
        Info = info;
        _owner = owner;
    }

    /// <summary>The CSR this partition was built for (its column indices and values are passed to the kernels).</summary>
    public DeviceCsrView Csr { get; }

    /// <summary>Sizes and device pointers reported by <c>mxk_partition_get_info</c> right after creation.</summary>
    public MxkPartitionInfo Info { get; }

    /// <summary>N, the rows of A (output rows of the forward).</summary>
    public int Rows => Info.Rows;

    /// <summary>Columns of A: the rows of X in the forward, of grad X in the backward.</summary>
    public int Columns => (int)Csr.Columns;

    /// <summary>E.</summary>
    public int NonZeros => Info.NonZeros;

    /// <summary>Edges per record at most.</summary>
    public int MaxChunk => Info.MaxChunk;

    /// <summary>Number of records.</summary>
    public int RecordCount => Info.NumRecords;

    /// <summary>The native handle, for calls into <see cref="MaxkNativeMethods"/>.</summary>
    internal MaxkPartitionHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    /// <summary>Builds the partition of <paramref name="csr"/>; keeps <paramref name="csr"/> reachable while it lives.</summary>
    public static GpuPartition Create(DeviceCsr csr, int maxChunk = DefaultMaxChunk)
    {
        ArgumentNullException.ThrowIfNull(csr);
        return Create(csr.View, maxChunk, csr);
    }

    /// <summary>
    /// Builds the partition of the CSR at <paramref name="csr"/> (synchronises the default stream: the row offsets are
    /// copied to the host, checked and cut there, and the records uploaded).
    /// </summary>
    /// <exception cref="ArgumentException">Rows or columns outside [1, 2^31 − 1], E outside [0, 2^31 − 1], null pointers,
    /// or <paramref name="maxChunk"/> outside [1, 65,536] (checked before any native call).</exception>
    /// <exception cref="MaxkNativeException">The library rejected the row offsets (MXK_ERR_INVALID_ARGUMENT) or failed.</exception>
    public static GpuPartition Create(DeviceCsrView csr, int maxChunk = DefaultMaxChunk) => Create(csr, maxChunk, null);

    /// <summary>Copies the records back: 4·<see cref="RecordCount"/> int32 (row, start, length, flags), flags bit 0 = split row.</summary>
    public int[] DownloadRecords() => DownloadInt32(Info.Records, 4L * Info.NumRecords);

    /// <summary>Copies back GNNAdvisor's part_ptr: the start of each record, then E (<see cref="RecordCount"/> + 1 int32).</summary>
    public int[] DownloadPartPtr() => DownloadInt32(Info.PartPtr, Info.NumRecords + 1L);

    /// <summary>Copies back GNNAdvisor's part2node: the row of each record.</summary>
    public int[] DownloadPart2Node() => DownloadInt32(Info.Part2Node, Info.NumRecords);

    /// <summary>Copies back the rows the forward zeroes first (empty rows and split rows), ascending.</summary>
    public int[] DownloadZeroRows() => DownloadInt32(Info.ZeroRows, Info.NumZeroRows);

    /// <summary>Frees the partition's device memory (cudaFree, which synchronises the device).</summary>
    public void Dispose() => _handle.Dispose();

    public override string ToString() =>
        $"GpuPartition(N={Info.Rows}, E={Info.NonZeros}, max_chunk={Info.MaxChunk}, records={Info.NumRecords}, split rows={Info.NumSplitRows})";

    /// <summary>Argument checks of <see cref="Create(DeviceCsrView, int)"/>; pure.</summary>
    public static void Validate(DeviceCsrView csr, int maxChunk)
    {
        if (csr.Rows < 1 || csr.Rows > int.MaxValue - 1)
            throw new ArgumentOutOfRangeException(nameof(csr), csr.Rows, "Rows must be in [1, 2^31 − 2] for int32 row offsets.");
        if (csr.Columns < 1 || csr.Columns > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(csr), csr.Columns, "Columns must be in [1, 2^31 − 1] for int32 column indices.");
        if (csr.NonZeros < 0 || csr.NonZeros > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(csr), csr.NonZeros, "NonZeros must be in [0, 2^31 − 1] for int32 offsets.");
        if (csr.RowOffsets == IntPtr.Zero || csr.ColumnIndices == IntPtr.Zero || csr.Values == IntPtr.Zero)
            throw new ArgumentException("The CSR row offset, column index and value pointers must all be non-null.", nameof(csr));
        if (maxChunk < 1 || maxChunk > MaxChunkLimit)
            throw new ArgumentOutOfRangeException(nameof(maxChunk), maxChunk, $"max_chunk must be in [1, {MaxChunkLimit}].");
    }

    private static GpuPartition Create(DeviceCsrView csr, int maxChunk, DeviceCsr? owner)
    {
        Validate(csr, maxChunk);
        MaxkNative.Check(
            MaxkNativeMethods.mxk_partition_create(csr.RowOffsets, (int)csr.Rows, (int)csr.NonZeros, maxChunk, CudaRuntime.DefaultStream, out var handle),
            "mxk_partition_create");
        try
        {
            MaxkNative.Check(MaxkNativeMethods.mxk_partition_get_info(handle, out var info), "mxk_partition_get_info");
            return new GpuPartition(csr, handle, info, owner);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private int[] DownloadInt32(IntPtr device, long count)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var result = new int[count];
        if (count == 0)
            return result;
        unsafe
        {
            fixed (int* host = result)
            {
                CudaRuntime.Check(
                    CudaRuntime.cudaMemcpy((IntPtr)host, device, (nuint)(count * sizeof(int)), CudaMemcpyKind.DeviceToHost),
                    "cudaMemcpy(partition, DeviceToHost)");
            }
        }
        GC.KeepAlive(this);
        GC.KeepAlive(_owner);
        return result;
    }
}
