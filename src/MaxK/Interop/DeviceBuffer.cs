using System.Runtime.InteropServices;

namespace MaxK.Interop;

/// <summary>
/// One <c>cudaMalloc</c> allocation in device memory of the current device, freed with <c>cudaFree</c> when
/// disposed (or finalised). <see cref="ByteLength"/> is the size asked for; a zero-length buffer still owns a
/// 1-byte allocation, so <see cref="Pointer"/> is never null (cuSPARSE rejects null descriptor pointers).
/// Copies use the legacy default stream and are synchronous with respect to the host for pageable host memory.
/// </summary>
public sealed class DeviceBuffer : SafeHandle
{
    private DeviceBuffer(IntPtr pointer, long byteLength)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(pointer);
        ByteLength = byteLength;
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Size of the buffer in bytes, as requested.</summary>
    public long ByteLength { get; }

    /// <summary>The device address of the first byte; throws <see cref="ObjectDisposedException"/> after disposal.</summary>
    public IntPtr Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle;
        }
    }

    /// <summary>
    /// Allocates <paramref name="bytes"/> bytes of uninitialised device memory.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is negative (no native call is made).</exception>
    /// <exception cref="GpuOutOfMemoryException">cudaMalloc returned cudaErrorMemoryAllocation.</exception>
    /// <exception cref="CudaException">Any other CUDA failure.</exception>
    public static DeviceBuffer Allocate(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        var status = CudaRuntime.cudaMalloc(out var pointer, (nuint)Math.Max(bytes, 1));
        if (status == (int)CudaError.MemoryAllocation)
            throw OutOfMemory(bytes);
        CudaRuntime.Check(status, $"cudaMalloc({bytes} bytes)");
        return new DeviceBuffer(pointer, bytes);
    }

    /// <summary>Allocates room for <paramref name="count"/> elements of <typeparamref name="T"/> (uninitialised).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative or the byte size overflows (no native call).</exception>
    public static unsafe DeviceBuffer Allocate<T>(long count)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > long.MaxValue / sizeof(T))
            throw new ArgumentOutOfRangeException(nameof(count), count, $"{count} elements of {sizeof(T)} bytes overflow a 64-bit size.");
        return Allocate(count * sizeof(T));
    }

    /// <summary>Allocates a buffer holding exactly <paramref name="source"/> and copies it to the device.</summary>
    public static unsafe DeviceBuffer FromHost<T>(ReadOnlySpan<T> source)
        where T : unmanaged
    {
        var buffer = Allocate<T>(source.Length);
        try
        {
            buffer.CopyFromHost(source);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>The number of whole <typeparamref name="T"/> elements the buffer holds.</summary>
    public unsafe long Length<T>()
        where T : unmanaged => ByteLength / sizeof(T);

    /// <summary>Copies host memory to this buffer starting at byte <paramref name="destinationOffsetBytes"/> (cudaMemcpy H2D).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The copy would run past <see cref="ByteLength"/>.</exception>
    public unsafe void CopyFromHost<T>(ReadOnlySpan<T> source, long destinationOffsetBytes = 0)
        where T : unmanaged
    {
        var bytes = (long)source.Length * sizeof(T);
        CheckRange(destinationOffsetBytes, bytes, nameof(destinationOffsetBytes));
        if (bytes == 0)
            return;
        fixed (T* host = source)
            CudaRuntime.Check(CudaRuntime.cudaMemcpy(Pointer + (nint)destinationOffsetBytes, (IntPtr)host, (nuint)bytes, CudaMemcpyKind.HostToDevice), "cudaMemcpy(HostToDevice)");
        GC.KeepAlive(this);
    }

    /// <summary>Copies from this buffer, starting at byte <paramref name="sourceOffsetBytes"/>, to host memory (cudaMemcpy D2H).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The copy would run past <see cref="ByteLength"/>.</exception>
    public unsafe void CopyToHost<T>(Span<T> destination, long sourceOffsetBytes = 0)
        where T : unmanaged
    {
        var bytes = (long)destination.Length * sizeof(T);
        CheckRange(sourceOffsetBytes, bytes, nameof(sourceOffsetBytes));
        if (bytes == 0)
            return;
        fixed (T* host = destination)
            CudaRuntime.Check(CudaRuntime.cudaMemcpy((IntPtr)host, Pointer + (nint)sourceOffsetBytes, (nuint)bytes, CudaMemcpyKind.DeviceToHost), "cudaMemcpy(DeviceToHost)");
        GC.KeepAlive(this);
    }

    /// <summary>Copies the whole buffer to a new host array of <see cref="Length{T}"/> elements.</summary>
    public T[] ToArray<T>()
        where T : unmanaged
    {
        var result = new T[Length<T>()];
        CopyToHost<T>(result);
        return result;
    }

    /// <summary>Sets every byte to zero (cudaMemset on the legacy default stream; ordered before later copies).</summary>
    public void FillZero() => FillBytes(0);

    /// <summary>Sets every byte to <paramref name="value"/> (0xFF makes every float32 a NaN: useful to catch unwritten outputs).</summary>
    public void FillBytes(byte value)
    {
        CudaRuntime.Check(CudaRuntime.cudaMemset(Pointer, value, (nuint)ByteLength), "cudaMemset");
        GC.KeepAlive(this);
    }

    /// <summary>Sets every byte to zero asynchronously on <paramref name="stream"/> (cudaMemsetAsync).</summary>
    public void FillZeroAsync(IntPtr stream)
    {
        CudaRuntime.Check(CudaRuntime.cudaMemsetAsync(Pointer, 0, (nuint)ByteLength, stream), "cudaMemsetAsync");
        GC.KeepAlive(this);
    }

    public override string ToString() => $"DeviceBuffer(0x{(IsClosed ? 0 : handle):x}, {ByteLength:N0} bytes)";

    protected override bool ReleaseHandle()
    {
        var status = CudaRuntime.cudaFree(handle);
        // At process exit the runtime may already be unloading; the memory goes with the context then.
        return status == 0 || status == (int)CudaError.CudartUnloading;
    }

    private void CheckRange(long offset, long bytes, string parameter)
    {
        if (offset < 0 || offset > ByteLength || bytes > ByteLength - offset)
            throw new ArgumentOutOfRangeException(
                parameter, offset, $"A copy of {bytes} bytes at offset {offset} does not fit a buffer of {ByteLength} bytes.");
    }

    private static GpuOutOfMemoryException OutOfMemory(long requestedBytes)
    {
        var (name, description) = CudaRuntime.Describe((int)CudaError.MemoryAllocation);
        _ = CudaRuntime.cudaGetLastError();
        var status = CudaRuntime.cudaMemGetInfo(out var free, out var total);
        if (status != 0)
        {
            _ = CudaRuntime.cudaGetLastError();
            return new GpuOutOfMemoryException(requestedBytes, -1, -1, name, description);
        }
        return new GpuOutOfMemoryException(requestedBytes, (long)free, (long)total, name, description);
    }
}
