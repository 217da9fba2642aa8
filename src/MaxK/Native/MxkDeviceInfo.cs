using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace MaxK.Native;

/// <summary>
/// Mirror of <c>mxk_device_info_t</c> (312 bytes: a 256-byte NUL-terminated name, then one int64 and twelve int32),
/// filled by <c>mxk_device_info</c>. Field order and types follow the header exactly.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MxkDeviceInfo
{
    /// <summary>char name[256], e.g. "NVIDIA H200", NUL-terminated (read it with <see cref="NameText"/>).</summary>
    public MxkDeviceName Name;

    /// <summary>Device memory in bytes.</summary>
    public long TotalGlobalMemBytes;

    /// <summary>The device ordinal queried.</summary>
    public int Device;

    /// <summary>cudaDriverGetVersion, e.g. 13000.</summary>
    public int DriverVersion;

    /// <summary>cudaRuntimeGetVersion of the runtime the library runs against.</summary>
    public int RuntimeVersion;

    /// <summary>CUDART_VERSION the library was compiled with.</summary>
    public int CompiledCudaVersion;

    public int ComputeCapabilityMajor;

    public int ComputeCapabilityMinor;

    public int SmCount;

    public int L2CacheBytes;

    /// <summary>Shared memory a block may opt in to, in bytes.</summary>
    public int MaxSharedPerBlockOptin;

    /// <summary>SM clock in kHz from cudaDevAttrClockRate (0 if unavailable).</summary>
    public int ClockKHz;

    public int MemoryBusWidthBits;

    public int Reserved;

    /// <summary>The name up to its first NUL, decoded as UTF-8.</summary>
    public readonly string NameText
    {
        get
        {
            ReadOnlySpan<byte> bytes = Name;
            var end = bytes.IndexOf((byte)0);
            return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
        }
    }
}

/// <summary>The 256-byte <c>char name[256]</c> field of <see cref="MxkDeviceInfo"/>.</summary>
[InlineArray(256)]
public struct MxkDeviceName
{
    private byte _element0;
}
