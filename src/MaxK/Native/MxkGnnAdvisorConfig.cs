using System.Runtime.InteropServices;

namespace MaxK.Native;

/// <summary>Mirror of <c>mxk_gnnadvisor_config_t</c> (four int32), filled by <c>mxk_gnnadvisor_decide</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct MxkGnnAdvisorConfig
{
    /// <summary>Neighbour-group size: edges per group (the partition's max_chunk).</summary>
    public int Ngs;

    /// <summary>Warps per block, one group per warp.</summary>
    public int Wpb;

    /// <summary>Dimension workers: lanes 0..dw-1 own features lane + j·dw.</summary>
    public int Dw;

    /// <summary>Shared memory per block as the library's kernel uses it: wpb · (8·ngs + 4·dim) bytes.</summary>
    public int SharedMemBytes;
}
