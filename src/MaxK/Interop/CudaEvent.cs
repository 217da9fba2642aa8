using System.Runtime.InteropServices;

namespace MaxK.Interop;

/// <summary>A CUDA event created with timing enabled (cudaEventCreate), destroyed with cudaEventDestroy.</summary>
public sealed class CudaEvent : SafeHandle
{
    public CudaEvent()
        : base(IntPtr.Zero, ownsHandle: true)
    {
        CudaRuntime.Check(CudaRuntime.cudaEventCreate(out var ev), "cudaEventCreate");
        SetHandle(ev);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Enqueues the event on <paramref name="stream"/> (default: the legacy default stream).</summary>
    public void Record(IntPtr stream = default)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        CudaRuntime.Check(CudaRuntime.cudaEventRecord(handle, stream), "cudaEventRecord");
        GC.KeepAlive(this);
    }

    /// <summary>Blocks the host until the device has passed the most recent <see cref="Record"/>.</summary>
    public void Synchronize()
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        CudaRuntime.Check(CudaRuntime.cudaEventSynchronize(handle), "cudaEventSynchronize");
        GC.KeepAlive(this);
    }

    /// <summary>Milliseconds of device time from <paramref name="start"/> to <paramref name="end"/>; both must have completed.</summary>
    public static float ElapsedMilliseconds(CudaEvent start, CudaEvent end)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        ObjectDisposedException.ThrowIf(start.IsClosed, start);
        ObjectDisposedException.ThrowIf(end.IsClosed, end);
        CudaRuntime.Check(CudaRuntime.cudaEventElapsedTime(out var ms, start.handle, end.handle), "cudaEventElapsedTime");
        GC.KeepAlive(start);
        GC.KeepAlive(end);
        return ms;
    }

    protected override bool ReleaseHandle()
    {
        var status = CudaRuntime.cudaEventDestroy(handle);
        return status == 0 || status == (int)CudaError.CudartUnloading;
    }
}
