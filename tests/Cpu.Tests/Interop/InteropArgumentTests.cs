using MaxK.Interop;

namespace MaxK.Tests.Interop;

/// <summary>Argument checks that must fire before any CUDA call, so they hold on machines without a GPU.</summary>
public class InteropArgumentTests
{
    [Fact]
    public void DeviceBufferRejectsNegativeAndOverflowingSizes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceBuffer.Allocate(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceBuffer.Allocate<float>(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceBuffer.Allocate<double>((long.MaxValue / 8) + 1));
    }

    [Fact]
    public void TimerAndFlusherRejectBadCounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CudaEventTimer(-1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CudaEventTimer(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new L2Flusher(1024));
        var timer = new CudaEventTimer(0, 1);
        Assert.Equal((0, 1), (timer.WarmupRuns, timer.TimedRuns));
    }

    [Theory]
    [InlineData(13000, "13.0")]
    [InlineData(12080, "12.8")]
    [InlineData(12060, "12.6")]
    [InlineData(11020, "11.2")]
    public void CudaVersionsAreFormattedAsMajorMinor(int encoded, string text)
    {
        Assert.Equal(text, GpuInfo.FormatVersion(encoded));
    }

    [Fact]
    public void OutOfMemoryMessageStatesRequestedFreeAndTotal()
    {
        var ex = new GpuOutOfMemoryException(1L << 50, 100L << 30, 140L << 30, "cudaErrorMemoryAllocation", "out of memory");
        Assert.Equal(2, ex.Status);
        Assert.Equal("cudaMalloc", ex.Call);
        Assert.Contains("1,125,899,906,842,624 bytes", ex.Message);
        Assert.Contains("100.00 of 140.00 GiB", ex.Message);
        Assert.IsAssignableFrom<CudaException>(ex);
    }
}
