using System.Runtime.InteropServices;

namespace MaxK.Interop;

/// <summary>
/// The few CUDA driver API calls (libcuda.so.1) the runtime API cannot replace: the device name.
/// Status values are <c>CUresult</c>; <see cref="Check"/> turns failures into <see cref="CudaException"/>.
/// </summary>
internal static partial class CudaDriverNative
{
    private const string Library = "libcuda.so.1";

    public static void Check(int status, string call)
    {
        if (status == 0)
            return;
        var name = cuGetErrorName(status, out var namePtr) == 0 ? Marshal.PtrToStringUTF8(namePtr) : null;
        var text = cuGetErrorString(status, out var textPtr) == 0 ? Marshal.PtrToStringUTF8(textPtr) : null;
        throw new CudaException(status, call, name ?? $"CUresult {status}", text ?? "no description");
    }

    /// <summary>The device's marketing name, e.g. "NVIDIA H200", for driver ordinal <paramref name="ordinal"/>.</summary>
    public static unsafe string DeviceName(int ordinal)
    {
        Check(cuInit(0), "cuInit");
        Check(cuDeviceGet(out var device, ordinal), "cuDeviceGet");
        const int capacity = 256;
        var name = stackalloc byte[capacity];
        Check(cuDeviceGetName(name, capacity, device), "cuDeviceGetName");
        return Marshal.PtrToStringUTF8((IntPtr)name) ?? "";
    }

    [LibraryImport(Library)]
    private static partial int cuInit(uint flags);

    [LibraryImport(Library)]
    private static partial int cuDeviceGet(out int device, int ordinal);

    /// <summary>Writes a NUL-terminated ASCII name of at most <paramref name="length"/> bytes into <paramref name="name"/> (host memory).</summary>
    [LibraryImport(Library)]
    private static unsafe partial int cuDeviceGetName(byte* name, int length, int device);

    [LibraryImport(Library)]
    private static partial int cuGetErrorName(int status, out IntPtr name);

    [LibraryImport(Library)]
    private static partial int cuGetErrorString(int status, out IntPtr text);
}
