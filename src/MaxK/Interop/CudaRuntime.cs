using System.Runtime.InteropServices;

namespace MaxK.Interop;

/// <summary>
/// The CUDA runtime API (libcudart.so.13 or .12, through <see cref="CudaLibraryResolver"/>): raw entry points
/// returning <c>cudaError_t</c> as <c>int</c>, plus <see cref="Check"/> and small checked helpers. Pointers are
/// device pointers unless named host; sizes are bytes; streams are <c>cudaStream_t</c> (<see cref="IntPtr.Zero"/>
/// is the legacy default stream that TorchSharp uses, platform.md §4.4).
/// </summary>
public static partial class CudaRuntime
{
    static CudaRuntime() => CudaLibraryResolver.Register(typeof(CudaRuntime).Assembly);

    /// <summary>The legacy default (NULL) stream.</summary>
    public static IntPtr DefaultStream => IntPtr.Zero;

    /// <summary>Throws a <see cref="CudaException"/> naming <paramref name="call"/> unless <paramref name="status"/> is 0.</summary>
    public static void Check(int status, string call)
    {
        if (status != 0)
            throw Failure(status, call);
    }

    /// <summary>
    /// The exception for a failed call. Also consumes the runtime's last-error slot (cudaGetLastError), so a later
    /// <see cref="ThrowIfLastError"/> does not report the same failure again; sticky errors stay sticky.
    /// </summary>
    public static CudaException Failure(int status, string call)
    {
        var (name, description) = Describe(status);
        _ = cudaGetLastError();
        return new CudaException(status, call, name, description);
    }

    /// <summary>The symbolic name and description of a runtime status (cudaGetErrorName, cudaGetErrorString).</summary>
    public static (string Name, string Description) Describe(int status) =>
        (Marshal.PtrToStringUTF8(cudaGetErrorName(status)) ?? $"cudaError {status}",
         Marshal.PtrToStringUTF8(cudaGetErrorString(status)) ?? "no description");

    /// <summary>Throws if an earlier asynchronous launch or call left an error (cudaGetLastError, which resets it).</summary>
    public static void ThrowIfLastError(string context) => Check(cudaGetLastError(), context);

    /// <summary>Blocks until the device has finished all work; throws on any pending error.</summary>
    public static void Synchronize() => Check(cudaDeviceSynchronize(), "cudaDeviceSynchronize");

    /// <summary>The runtime version, e.g. 13000 for 13.0.</summary>
    public static int RuntimeVersion()
    {
        Check(cudaRuntimeGetVersion(out var version), "cudaRuntimeGetVersion");
        return version;
    }

    /// <summary>The newest CUDA version the installed driver supports, e.g. 13000; 0 when no driver is installed.</summary>
    public static int DriverVersion()
    {
        Check(cudaDriverGetVersion(out var version), "cudaDriverGetVersion");
        return version;
    }

    /// <summary>Number of visible CUDA devices.</summary>
    public static int DeviceCount()
    {
        Check(cudaGetDeviceCount(out var count), "cudaGetDeviceCount");
        return count;
    }

    /// <summary>Free and total memory of the current device, in bytes.</summary>
    public static (long FreeBytes, long TotalBytes) MemoryInfo()
    {
        Check(cudaMemGetInfo(out var free, out var total), "cudaMemGetInfo");
        return ((long)free, (long)total);
    }

    /// <summary>A device attribute; throws if the query fails.</summary>
    public static int GetAttribute(CudaDeviceAttribute attribute, int device)
    {
        Check(cudaDeviceGetAttribute(out var value, attribute, device), $"cudaDeviceGetAttribute({attribute})");
        return value;
    }

    /// <summary>A device attribute, or null when this runtime or driver does not support it (cudaErrorInvalidValue).</summary>
    public static int? TryGetAttribute(CudaDeviceAttribute attribute, int device)
    {
        var status = cudaDeviceGetAttribute(out var value, attribute, device);
        if (status == (int)CudaError.InvalidValue)
        {
            _ = cudaGetLastError();
            return null;
        }
        Check(status, $"cudaDeviceGetAttribute({attribute})");
        return value;
    }

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaMalloc(out IntPtr devicePointer, nuint bytes);

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaFree(IntPtr devicePointer);

    /// <summary>Synchronous for pageable host memory; ordered on the legacy default stream.</summary>
    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaMemcpy(IntPtr destination, IntPtr source, nuint bytes, CudaMemcpyKind kind);

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaMemcpyAsync(IntPtr destination, IntPtr source, nuint bytes, CudaMemcpyKind kind, IntPtr stream);

    /// <summary>Sets <paramref name="bytes"/> bytes to the low byte of <paramref name="value"/>.</summary>
    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaMemset(IntPtr devicePointer, int value, nuint bytes);

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaMemsetAsync(IntPtr devicePointer, int value, nuint bytes, IntPtr stream);

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaDeviceSynchronize();

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaGetLastError();

    /// <summary>Returns a static <c>const char*</c> (never freed).</summary>
    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial IntPtr cudaGetErrorString(int status);

    /// <summary>Returns a static <c>const char*</c> (never freed).</summary>
    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial IntPtr cudaGetErrorName(int status);

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaEventCreate(out IntPtr cudaEvent);

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaEventRecord(IntPtr cudaEvent, IntPtr stream);

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaEventSynchronize(IntPtr cudaEvent);

    /// <summary>Milliseconds between two recorded events (resolution about 0.5 µs).</summary>
    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaEventElapsedTime(out float milliseconds, IntPtr start, IntPtr end);

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaEventDestroy(IntPtr cudaEvent);

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaDeviceGetAttribute(out int value, CudaDeviceAttribute attribute, int device);

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaRuntimeGetVersion(out int version);

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaDriverGetVersion(out int version);

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaGetDeviceCount(out int count);

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaGetDevice(out int device);

    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaSetDevice(int device);

    /// <summary>Free and total bytes of the current device.</summary>
    [LibraryImport(CudaLibraryResolver.Runtime)]
    public static partial int cudaMemGetInfo(out nuint freeBytes, out nuint totalBytes);
}
