using MaxK.GpuTests.Support;
using MaxK.Interop;

namespace MaxK.GpuTests.Interop;

public class DeviceBufferTests
{
    [Fact]
    public void RoundTripsHostData()
    {
        GpuAvailability.RequireCuda();
        var data = Enumerable.Range(0, 10_000).Select(i => (i * 0.5f) - 17f).ToArray();
        using var buffer = DeviceBuffer.Allocate<float>(data.Length);
        Assert.Equal(data.Length * 4L, buffer.ByteLength);
        Assert.NotEqual(IntPtr.Zero, buffer.Pointer);

        buffer.CopyFromHost<float>(data);
        Assert.Equal(data, buffer.ToArray<float>());

        var tail = new float[100];
        buffer.CopyToHost<float>(tail, sourceOffsetBytes: 9_900 * 4L);
        Assert.Equal(data[9_900..], tail);

        buffer.FillZero();
        Assert.All(buffer.ToArray<float>(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void RejectsCopiesPastTheEnd()
    {
        GpuAvailability.RequireCuda();
        using var buffer = DeviceBuffer.Allocate<int>(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.CopyFromHost<int>(new int[11]));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.CopyToHost<int>(new int[10], sourceOffsetBytes: 4));
    }

    [Fact]
    public void ZeroLengthBufferHasANonNullPointer()
    {
        GpuAvailability.RequireCuda();
        using var buffer = DeviceBuffer.Allocate<float>(0);
        Assert.Equal(0, buffer.ByteLength);
        Assert.NotEqual(IntPtr.Zero, buffer.Pointer);
        Assert.Empty(buffer.ToArray<float>());
    }

    [Fact]
    public void AbsurdAllocationThrowsGpuOutOfMemoryAndLeavesTheDeviceUsable()
    {
        GpuAvailability.RequireCuda();
        const long onePebibyte = 1L << 50;
        var ex = Assert.Throws<GpuOutOfMemoryException>(() => DeviceBuffer.Allocate(onePebibyte));
        Assert.Equal(onePebibyte, ex.RequestedBytes);
        Assert.True(ex.TotalBytes > 0);
        Assert.InRange(ex.FreeBytes, 0, ex.TotalBytes);
        Assert.Contains("1,125,899,906,842,624", ex.Message);

        CudaRuntime.ThrowIfLastError("after the failed allocation");
        using var ok = DeviceBuffer.Allocate<float>(1024);
        ok.FillZero();
        CudaRuntime.Synchronize();
    }

    [Fact]
    public void DisposedBufferRefusesAccess()
    {
        GpuAvailability.RequireCuda();
        var buffer = DeviceBuffer.Allocate<float>(16);
        buffer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => buffer.Pointer);
    }
}
