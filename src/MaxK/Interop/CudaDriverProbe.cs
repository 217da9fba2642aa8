using System.Runtime.InteropServices;

namespace MaxK.Interop;

/// <summary>
/// Asks the CUDA driver (libcuda.so.1) whether a GPU is usable, without loading any toolkit library.
/// Never throws: a missing driver or device is reported as a reason string.
/// </summary>
public static partial class CudaDriverProbe
{
    /// <summary>Number of CUDA devices and the driver version (e.g. 13000), or the reason there are none.</summary>
    public static (int DeviceCount, int DriverVersion, string? Reason) Probe()
    {
        if (!OperatingSystem.IsLinux())
            return (0, 0, "CUDA probing is implemented for Linux only");
        if (!NativeLibrary.TryLoad("libcuda.so.1", out _))
            return (0, 0, "no NVIDIA driver: libcuda.so.1 could not be loaded");
        try
        {
            var init = cuInit(0);
            if (init == 100)
                return (0, 0, "the NVIDIA driver is present but reports no CUDA-capable device (CUDA_ERROR_NO_DEVICE)");
            if (init != 0)
                return (0, 0, $"the NVIDIA driver is present but cuInit failed (CUresult {init}): no usable GPU");
            cuDriverGetVersion(out var version);
            var count = cuDeviceGetCount(out var devices);
            if (count != 0 || devices == 0)
                return (0, version, "the NVIDIA driver reports no CUDA device");
            return (devices, version, null);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return (0, 0, $"libcuda.so.1 is unusable: {ex.Message}");
        }
    }

    [LibraryImport("libcuda.so.1")]
    private static partial int cuInit(uint flags);

    [LibraryImport("libcuda.so.1")]
    private static partial int cuDriverGetVersion(out int version);

    [LibraryImport("libcuda.so.1")]
    private static partial int cuDeviceGetCount(out int count);
}
