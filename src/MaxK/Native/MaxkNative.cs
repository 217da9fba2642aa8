using System.Runtime.InteropServices;

namespace MaxK.Native;

/// <summary>
/// Checked access to <c>libmaxk_native.so</c>'s housekeeping functions, and <see cref="Check"/>, through which every
/// native status of this project passes. Kernels are wrapped in <c>MaxK.Kernels</c>; the GNNAdvisor baseline in
/// <c>MaxK.Baselines.GnnAdvisor</c>.
/// </summary>
public static class MaxkNative
{
    /// <summary>The header version these bindings mirror (<c>MXK_VERSION_MAJOR</c>.<c>MXK_VERSION_MINOR</c>); any patch level is accepted.</summary>
    public static Version BindingsVersion { get; } = new(0, 3);

    /// <summary>True when a library reporting <paramref name="major"/>.<paramref name="minor"/> matches <see cref="BindingsVersion"/>.</summary>
    public static bool IsCompatible(int major, int minor) => major == BindingsVersion.Major && minor == BindingsVersion.Minor;

    /// <summary>
    /// Throws <see cref="MaxkNativeException"/> naming <paramref name="call"/>, the status and <c>mxk_last_error()</c>
    /// unless <paramref name="status"/> is <c>MXK_OK</c>. Call it on the thread that made the call, right after it
    /// (the message is thread-local and overwritten by the next call).
    /// </summary>
    public static void Check(int status, string call)
    {
        if (status != (int)MxkStatus.Ok)
            throw Failure(status, call);
    }

    /// <summary>The exception for a failed call: status name from <c>mxk_status_string</c>, message from <c>mxk_last_error</c>.</summary>
    public static MaxkNativeException Failure(int status, string call)
    {
        var message = LastError();
        var name = Marshal.PtrToStringUTF8(MaxkNativeMethods.mxk_status_string(status)) ?? MxkStatusNames.Of(status);
        MaxkNativeMethods.mxk_clear_error();
        return new MaxkNativeException(status, name, call, message);
    }

    /// <summary>The calling thread's last error message ("" if none).</summary>
    public static string LastError() => Marshal.PtrToStringUTF8(MaxkNativeMethods.mxk_last_error()) ?? "";

    /// <summary>The loaded library's version (mxk_version).</summary>
    /// <exception cref="DllNotFoundException">No compatible library could be loaded (the message says how to build one).</exception>
    public static Version Version()
    {
        Check(MaxkNativeMethods.mxk_version(out var major, out var minor, out var patch), "mxk_version");
        return new Version(major, minor, patch);
    }

    /// <summary>The CUDA architectures the library was compiled for and its version (mxk_build_info), e.g. "arch 90; 0.3.0".</summary>
    public static unsafe string BuildInfo()
    {
        var buffer = stackalloc byte[1024];
        Check(MaxkNativeMethods.mxk_build_info(buffer, 1024), "mxk_build_info");
        return Marshal.PtrToStringUTF8((IntPtr)buffer) ?? "";
    }

    /// <summary>Device and toolkit facts for CUDA device <paramref name="device"/> (mxk_device_info; cudaDeviceGetAttribute only).</summary>
    public static MxkDeviceInfo DeviceInfo(int device = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(device);
        Check(MaxkNativeMethods.mxk_device_info(device, out var info), "mxk_device_info");
        return info;
    }

    /// <summary>
    /// Loads the library if needed and asks its version; null when it is usable, otherwise the reason (the resolver's
    /// full list of attempts, or the failure). Never throws.
    /// </summary>
    public static string? ProbeAvailability()
    {
        try
        {
            _ = Version();
            return null;
        }
        catch (DllNotFoundException ex)
        {
            return ex.Message;
        }
        catch (EntryPointNotFoundException ex)
        {
            return $"{MaxkNativeLibraryResolver.FileName} lacks an export: {ex.Message}";
        }
        catch (MaxkNativeException ex)
        {
            return ex.Message;
        }
    }
}
