using MaxK.GpuTests.Support;
using MaxK.Interop;

namespace MaxK.GpuTests.Interop;

public class GpuInfoTests
{
    [Fact]
    public void DescribesTheDevice()
    {
        GpuAvailability.RequireCuda();
        var info = GpuInfo.Query();
        Assert.False(string.IsNullOrWhiteSpace(info.Name));
        Assert.True(info.ComputeCapabilityMajor >= 5);
        Assert.True(info.MultiprocessorCount > 0);
        Assert.True(info.TotalMemoryBytes > 0);
        Assert.InRange(info.FreeMemoryBytes, 0, info.TotalMemoryBytes);
        Assert.True(info.L2CacheBytes > 0);
        Assert.True(info.RuntimeVersion >= 12000);
        Assert.True(info.DriverVersion >= 12000); // a 13.x runtime may run on a 13.0 driver (minor-version compatibility)
        Assert.Contains(info.Name, info.ToString());
    }
}
