namespace MaxK.Interop;

/// <summary>
/// Evicts the GPU's L2 cache between timed runs by writing a device buffer much larger than L2 with
/// <c>cudaMemsetAsync</c> (an H200 has about 50–60 MB of L2, platform.md §5; the default buffer is <see cref="DefaultBytes"/>).
/// Pass <see cref="Flush"/> as the <see cref="CudaEventTimer"/> callback so the write precedes the start event.
/// </summary>
public sealed class L2Flusher : IDisposable
{
    /// <summary>256 MiB.</summary>
    public const long DefaultBytes = 256L << 20;

    private readonly DeviceBuffer _buffer;
    private int _flushes;

    /// <summary>Allocates the scratch buffer of <paramref name="bytes"/> bytes in device memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> &lt; 1 MiB (no native call).</exception>
    public L2Flusher(long bytes = DefaultBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1L << 20);
        _buffer = DeviceBuffer.Allocate(bytes);
    }

    /// <summary>Size of the scratch buffer in bytes.</summary>
    public long Bytes => _buffer.ByteLength;

    /// <summary>Enqueues a write of the whole buffer on <paramref name="stream"/> (a different byte value each time).</summary>
    public void Flush(IntPtr stream = default)
    {
        var value = ++_flushes & 0xFF;
        CudaRuntime.Check(CudaRuntime.cudaMemsetAsync(_buffer.Pointer, value, (nuint)_buffer.ByteLength, stream), "cudaMemsetAsync (L2 flush)");
    }

    public void Dispose() => _buffer.Dispose();
}
