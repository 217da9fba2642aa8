using MaxK.Baselines.GnnAdvisor;
using MaxK.Formats;
using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Native;

namespace MaxK.Tests.Kernels;

/// <summary>Checks the GPU wrappers make before any native call, so they hold on machines without a GPU or the library.</summary>
public class KernelWrapperValidationTests
{
    [Theory]
    [InlineData(48, 16, CbsrIndexWidth.UInt16, "multiple of 32")]
    [InlineData(4_128, 16, CbsrIndexWidth.UInt16, "multiple of 32")]
    [InlineData(0, 1, CbsrIndexWidth.UInt16, "multiple of 32")]
    [InlineData(512, 257, CbsrIndexWidth.UInt16, "min(256, dim = 512)")]
    [InlineData(32, 33, CbsrIndexWidth.UInt8, "min(256, dim = 32)")]
    [InlineData(64, 0, CbsrIndexWidth.UInt8, "(got 0)")]
    [InlineData(288, 16, CbsrIndexWidth.UInt8, "uint8 CBSR indices need dim <= 256")]
    public void ProductShapesOutsideTheHeadersLimitsAreUnsupported(int dim, int k, CbsrIndexWidth width, string message)
    {
        foreach (var call in new[] { GpuSpgemmForward.NativeName, GpuSspmmBackward.NativeName })
        {
            var ex = Assert.Throws<MaxkNativeException>(() => MaxkShapeLimits.CheckProduct(call, dim, k, width));
            Assert.Equal(MxkStatus.UnsupportedShape, ex.Status);
            Assert.True(ex.CheckedBeforeCall);
            Assert.Contains(message, ex.Message);
            Assert.StartsWith(call, ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(32, 1, CbsrIndexWidth.UInt8)]
    [InlineData(32, 32, CbsrIndexWidth.UInt8)]
    [InlineData(256, 256, CbsrIndexWidth.UInt8)]
    [InlineData(256, 64, CbsrIndexWidth.UInt16)]
    [InlineData(4_096, 256, CbsrIndexWidth.UInt16)]
    public void SupportedProductShapesPass(int dim, int k, CbsrIndexWidth width) =>
        MaxkShapeLimits.CheckProduct(GpuSpgemmForward.NativeName, dim, k, width);

    [Fact]
    public void SelectionAndScatterLimits()
    {
        MaxkShapeLimits.CheckSelect(1, 1, CbsrIndexWidth.UInt8);
        MaxkShapeLimits.CheckSelect(100, 100, CbsrIndexWidth.UInt8);
        MaxkShapeLimits.CheckSelect(65_536, 4_096, CbsrIndexWidth.UInt16);
        MaxkShapeLimits.CheckSelect(1_024, 1_024, CbsrIndexWidth.UInt16);
        MaxkShapeLimits.CheckScatter(65_536, 65_536, CbsrIndexWidth.UInt16);
        foreach (var (dim, k, width) in new[]
                 {
                     (257, 1, CbsrIndexWidth.UInt8), (32, 33, CbsrIndexWidth.UInt8), (65_537, 1, CbsrIndexWidth.UInt16),
                     (2_048, 4_097, CbsrIndexWidth.UInt16), (0, 1, CbsrIndexWidth.UInt8),
                 })
        {
            Assert.Equal(MxkStatus.UnsupportedShape, Assert.Throws<MaxkNativeException>(() => MaxkShapeLimits.CheckSelect(dim, k, width)).Status);
        }
        Assert.Equal(MxkStatus.UnsupportedShape, Assert.Throws<MaxkNativeException>(() => MaxkShapeLimits.CheckScatter(300, 8, CbsrIndexWidth.UInt8)).Status);
        Assert.Throws<ArgumentOutOfRangeException>(() => MaxkShapeLimits.CheckSelect(64, 8, (CbsrIndexWidth)4));
    }

    [Fact]
    public void GnnAdvisorSharedMemoryIsCheckedAgainstTheDeviceLimit()
    {
        Assert.Equal(8L * ((8 * 491) + (4 * 256)), MaxkShapeLimits.GnnAdvisorSharedMemoryBytes(491, 8, 256));
        MaxkShapeLimits.CheckGnnAdvisor(256, 491, 8, 232_448);
        MaxkShapeLimits.CheckGnnAdvisor(256, 65_536, 32, 0); // limit unknown: only the dimension is checked
        var ex = Assert.Throws<MaxkNativeException>(() => MaxkShapeLimits.CheckGnnAdvisor(32, 65_536, 1, 232_448));
        Assert.Contains("524416 bytes of shared memory", ex.Message);
        Assert.Throws<MaxkNativeException>(() => MaxkShapeLimits.CheckGnnAdvisor(65_537, 1, 1, 0));
    }

    [Fact]
    public void RawWrappersRejectNullAndMisalignedPointersFirst()
    {
        Assert.Throws<ArgumentException>(() => GpuMaxKSelect.Run(IntPtr.Zero, 10, 64, 8, 0x1000, 0x2000, CbsrIndexWidth.UInt8));
        Assert.Throws<ArgumentException>(() => GpuMaxKSelect.Run(0x1004, 10, 64, 8, 0x1000, 0x2000, CbsrIndexWidth.UInt8));
        Assert.Throws<ArgumentException>(() => GpuMaxKSelect.Run(0x1000, 10, 64, 8, 0x1002, 0x2000, CbsrIndexWidth.UInt8));
        Assert.Throws<ArgumentException>(() => GpuMaxKSelect.Run(0x1000, 10, 300, 8, 0x1000, 0x2001, CbsrIndexWidth.UInt16));
        Assert.Throws<ArgumentException>(() => GpuMaxKSelect.Run(0x1000, 10, 64, 8, 0x1000, IntPtr.Zero, CbsrIndexWidth.UInt8));
        Assert.Throws<ArgumentOutOfRangeException>(() => GpuMaxKSelect.Run(0x1000, -1, 64, 8, 0x1000, 0x2000, CbsrIndexWidth.UInt8));
        Assert.Throws<ArgumentException>(() => GpuMaxKBackwardScatter.Run(0x1000, 0x2000, CbsrIndexWidth.UInt8, 10, 8, 64, 0x3004));
        Assert.Throws<ArgumentException>(() => GpuMaxKBackwardScatter.Run(0x1001, 0x2000, CbsrIndexWidth.UInt8, 10, 8, 64, 0x3000));
        Assert.Throws<ArgumentNullException>(() => GpuSpgemmForward.Run(null!, 0x1000, 0x2000, CbsrIndexWidth.UInt8, 8, 64, 0x3000));
        Assert.Throws<ArgumentNullException>(() => GpuSspmmBackward.Run(null!, 0x1000, 0x2000, CbsrIndexWidth.UInt8, 8, 64, 0x3000));
    }

    [Fact]
    public void PartitionArgumentsAreCheckedBeforeTheCall()
    {
        var ok = new DeviceCsrView(10, 10, 20, 0x1000, 0x2000, 0x3000);
        GpuPartition.Validate(ok, 1);
        GpuPartition.Validate(ok, GpuPartition.MaxChunkLimit);
        Assert.Throws<ArgumentOutOfRangeException>(() => GpuPartition.Validate(ok, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GpuPartition.Validate(ok, GpuPartition.MaxChunkLimit + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GpuPartition.Validate(ok with { Rows = 0 }, 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => GpuPartition.Validate(ok with { Columns = (long)int.MaxValue + 1 }, 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => GpuPartition.Validate(ok with { NonZeros = -1 }, 64));
        Assert.Throws<ArgumentException>(() => GpuPartition.Validate(ok with { Values = IntPtr.Zero }, 64));
    }

    [Fact]
    public void IndexWidthConversionRoundTripsAndRefusesToNarrowLargeIndices()
    {
        byte[] narrow = [0, 7, 255, 31];
        var wide = DeviceCbsr.ConvertIndices(narrow, CbsrIndexWidth.UInt8, CbsrIndexWidth.UInt16, k: 2, dim: 256);
        Assert.Equal([0, 0, 7, 0, 255, 0, 31, 0], wide);
        Assert.Equal(narrow, DeviceCbsr.ConvertIndices(wide, CbsrIndexWidth.UInt16, CbsrIndexWidth.UInt8, k: 2, dim: 256));
        Assert.Same(narrow, DeviceCbsr.ConvertIndices(narrow, CbsrIndexWidth.UInt8, CbsrIndexWidth.UInt8, k: 2, dim: 256));
        var ex = Assert.Throws<CbsrIndexOutOfRangeException>(() =>
            DeviceCbsr.ConvertIndices([1, 0, 0, 1], CbsrIndexWidth.UInt16, CbsrIndexWidth.UInt8, k: 2, dim: 256));
        Assert.Equal((0, 1, 256), (ex.Row, ex.Slot, ex.Value));
    }

    [Fact]
    public void GnnAdvisorConfigurationsAreValidated()
    {
        var paper = GnnAdvisorConfig.MaxkGnnBenchmark(232_965, 114_615_892, 256);
        Assert.Equal((491, 32, 12), (paper.Ngs, paper.Dw, paper.Wpb));
        Assert.Equal(12L * ((8 * 491) + (4 * 256)), paper.SharedMemoryBytes);
        Assert.Equal(1, GnnAdvisorConfig.MaxkGnnBenchmark(10, 5, 32).Ngs);
        paper.Validate();
        Assert.Throws<ArgumentOutOfRangeException>(() => (paper with { Ngs = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (paper with { Dw = 33 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (paper with { Wpb = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => GnnAdvisorConfig.Decide(0, 10, 32));
    }
}
