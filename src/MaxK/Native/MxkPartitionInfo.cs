using System.Runtime.InteropServices;

namespace MaxK.Native;

/// <summary>
/// Mirror of <c>mxk_partition_info_t</c> (72 bytes: four device pointers, one int64, eight int32), filled by
/// <c>mxk_partition_get_info</c>. The pointers belong to the partition and stay valid until it is destroyed.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MxkPartitionInfo
{
    /// <summary>[device] int4[NumRecords] (row, start, len, flags), 16-byte aligned; flags bit 0 = the row has several records.</summary>
    public IntPtr Records;

    /// <summary>[device] int32[NumRecords + 1]: start of each record, then nnz.</summary>
    public IntPtr PartPtr;

    /// <summary>[device] int32[NumRecords]: the row of each record.</summary>
    public IntPtr Part2Node;

    /// <summary>[device] int32[NumZeroRows], ascending, or zero when there are none.</summary>
    public IntPtr ZeroRows;

    /// <summary>Device memory held by the partition, in bytes.</summary>
    public long DeviceBytes;

    public int Rows;

    public int NonZeros;

    /// <summary>Edges per record at most (the GNNAdvisor group size when used for it).</summary>
    public int MaxChunk;

    public int NumRecords;

    /// <summary>Rows the forward kernel zeroes first: empty rows and rows with more than one record.</summary>
    public int NumZeroRows;

    /// <summary>Rows with more than one record.</summary>
    public int NumSplitRows;

    public int MaxDegree;

    /// <summary>Rows of degree 0.</summary>
    public int NumEmptyRows;
}
