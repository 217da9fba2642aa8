using System.Runtime.InteropServices;
using MaxK.Formats;
using MaxK.Native;

namespace MaxK.Tests.Native;

/// <summary>The C# mirrors of maxk_native.h's structs and constants, pinned to the header (offsets measured with gcc).</summary>
public class MaxkNativeAbiTests
{
    [Fact]
    public void DeviceInfoMatchesTheCLayout()
    {
        Assert.Equal(312, Marshal.SizeOf<MxkDeviceInfo>());
        (string Field, int Offset)[] fields =
        [
            ("Name", 0), ("TotalGlobalMemBytes", 256), ("Device", 264), ("DriverVersion", 268), ("RuntimeVersion", 272),
            ("CompiledCudaVersion", 276), ("ComputeCapabilityMajor", 280), ("ComputeCapabilityMinor", 284), ("SmCount", 288),
            ("L2CacheBytes", 292), ("MaxSharedPerBlockOptin", 296), ("ClockKHz", 300), ("MemoryBusWidthBits", 304), ("Reserved", 308),
        ];
        foreach (var (field, offset) in fields)
            Assert.Equal(offset, (int)Marshal.OffsetOf<MxkDeviceInfo>(field));
    }

    [Fact]
    public void PartitionInfoMatchesTheCLayout()
    {
        Assert.Equal(72, Marshal.SizeOf<MxkPartitionInfo>());
        (string Field, int Offset)[] fields =
        [
            ("Records", 0), ("PartPtr", 8), ("Part2Node", 16), ("ZeroRows", 24), ("DeviceBytes", 32), ("Rows", 40), ("NonZeros", 44),
            ("MaxChunk", 48), ("NumRecords", 52), ("NumZeroRows", 56), ("NumSplitRows", 60), ("MaxDegree", 64), ("NumEmptyRows", 68),
        ];
        foreach (var (field, offset) in fields)
            Assert.Equal(offset, (int)Marshal.OffsetOf<MxkPartitionInfo>(field));
    }

    [Fact]
    public void TuningAndGnnAdvisorConfigAreFourInt32s()
    {
        Assert.Equal(16, Marshal.SizeOf<MxkTuning>());
        Assert.Equal([0, 4, 8, 12], new[] { "WarpsPerBlock", "MaxBlocks", "GroupLanes", "Flags" }.Select(f => (int)Marshal.OffsetOf<MxkTuning>(f)));
        Assert.Equal(16, Marshal.SizeOf<MxkGnnAdvisorConfig>());
        Assert.Equal([0, 4, 8, 12], new[] { "Ngs", "Wpb", "Dw", "SharedMemBytes" }.Select(f => (int)Marshal.OffsetOf<MxkGnnAdvisorConfig>(f)));
        Assert.Equal(sizeof(int), Marshal.SizeOf(Enum.GetUnderlyingType(typeof(MxkTuningFlags))));
    }

    [Fact]
    public void ConstantsMatchTheHeader()
    {
        Assert.Equal([0, 1, 2, 3, 4, 5], Enum.GetValues<MxkStatus>().Select(s => (int)s));
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024], Enum.GetValues<MxkTuningFlags>().Where(f => f != MxkTuningFlags.None).Select(f => (int)f));
        Assert.Equal(1, (int)CbsrIndexWidth.UInt8);  // MXK_INDEX_U8
        Assert.Equal(2, (int)CbsrIndexWidth.UInt16); // MXK_INDEX_U16
        Assert.Equal(1024, MaxK.Kernels.GpuPartition.DefaultMaxChunk); // MXK_DEFAULT_CHUNK
        Assert.Equal(new Version(0, 3), MaxkNative.BindingsVersion);
        Assert.Equal(16, MaxkNativeMethods.ExportNames.Length);
    }

    [Fact]
    public void StatusNamesFollowMxkStatusString()
    {
        Assert.Equal("MXK_OK", MxkStatusNames.Of(0));
        Assert.Equal("MXK_ERR_UNSUPPORTED_SHAPE", MxkStatusNames.Of(2));
        Assert.Equal("MXK_ERR_INTERNAL", MxkStatusNames.Of(5));
        Assert.Equal("unknown status", MxkStatusNames.Of(99));
    }

    [Fact]
    public void ExceptionsNameTheCallTheStatusAndTheMessage()
    {
        var ex = new MaxkNativeException(3, "MXK_ERR_CUDA", "mxk_maxk_select", "mxk_maxk_select: an illegal memory access");
        Assert.Equal("mxk_maxk_select failed: MXK_ERR_CUDA (3): mxk_maxk_select: an illegal memory access", ex.Message);
        Assert.Equal(MxkStatus.Cuda, ex.Status);
        Assert.False(ex.CheckedBeforeCall);
        Assert.Contains("(the library gave no message)", new MaxkNativeException(5, "MXK_ERR_INTERNAL", "f", "").Message);

        var shape = MaxkNativeException.UnsupportedShape("mxk_spgemm_forward", "k must be in [1, 256] (got 300)");
        Assert.Equal(MxkStatus.UnsupportedShape, shape.Status);
        Assert.True(shape.CheckedBeforeCall);
        Assert.Equal("mxk_spgemm_forward rejected before the call: MXK_ERR_UNSUPPORTED_SHAPE (2): mxk_spgemm_forward: k must be in [1, 256] (got 300)", shape.Message);
    }
}
