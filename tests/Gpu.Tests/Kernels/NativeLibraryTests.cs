using MaxK.Baselines.GnnAdvisor;
using MaxK.Formats;
using MaxK.GpuTests.Support;
using MaxK.Graphs;
using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Native;
using MaxK.Selection;

namespace MaxK.GpuTests.Kernels;

/// <summary>The native library's housekeeping ABI, error reporting, and the wrappers' edge cases.</summary>
public class NativeLibraryTests
{
    [Fact]
    public void VersionMatchesTheBindingsAndTheLoadedFileIsKnown()
    {
        NativeAvailability.Require();
        var version = MaxkNative.Version();
        Assert.True(MaxkNative.IsCompatible(version.Major, version.Minor), version.ToString());
        Assert.NotEmpty(MaxkNative.BuildInfo());
        Assert.True(Path.IsPathRooted(MaxkNativeLibraryResolver.LoadedPath), MaxkNativeLibraryResolver.LoadedPath);
        Assert.True(File.Exists(MaxkNativeLibraryResolver.LoadedPath));
    }

    [Fact]
    public void DeviceInfoAgreesWithTheRuntime()
    {
        NativeAvailability.Require();
        CudaRuntime.Check(CudaRuntime.cudaGetDevice(out var device), "cudaGetDevice");
        var gpu = GpuInfo.Query(device);
        var info = MaxkNative.DeviceInfo(device);
        Assert.Equal(gpu.Name, info.NameText);
        Assert.Equal(device, info.Device);
        Assert.Equal(gpu.TotalMemoryBytes, info.TotalGlobalMemBytes);
        Assert.Equal((gpu.ComputeCapabilityMajor, gpu.ComputeCapabilityMinor), (info.ComputeCapabilityMajor, info.ComputeCapabilityMinor));
        Assert.Equal(gpu.MultiprocessorCount, info.SmCount);
        Assert.Equal(gpu.L2CacheBytes, info.L2CacheBytes);
        Assert.Equal(gpu.SharedMemoryPerBlockOptinBytes, info.MaxSharedPerBlockOptin);
        Assert.Equal(gpu.DriverVersion, info.DriverVersion);
        Assert.True(info.CompiledCudaVersion >= 11000, info.CompiledCudaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void GnnAdvisorDeciderReproducesTheRedditConfiguration()
    {
        NativeAvailability.Require();
        var input = GnnAdvisorConfig.Decide(232_965, 114_615_892, 256);
        Assert.Equal((491, 32, 8), (input.Ngs, input.Dw, input.Wpb));
        Assert.Equal(MaxkShapeLimits.GnnAdvisorSharedMemoryBytes(491, 8, 256), input.SharedMemoryBytes);
        Assert.Equal(7, GnnAdvisorConfig.Decide(232_965, 114_615_892, 256, hiddenLayerQuirk: true).Wpb);
        Assert.Equal(16, GnnAdvisorConfig.Decide(1_000, 20_000, 16).Dw);
        Assert.Equal(1, GnnAdvisorConfig.Decide(1_000, 0, 64).Ngs);
    }

    [Fact]
    public void NativeFailuresCarryTheStatusAndTheLibrarysMessageThenClearIt()
    {
        NativeAvailability.Require();
        using var offsets = DeviceBuffer.FromHost<int>([0, 2, 1]);
        using var indices = DeviceBuffer.FromHost<int>([0, 1]);
        using var values = DeviceBuffer.FromHost<float>([1f, 1f]);
        var ex = Assert.Throws<MaxkNativeException>(() => GpuPartition.Create(new DeviceCsrView(2, 2, 1, offsets.Pointer, indices.Pointer, values.Pointer)));
        Assert.Equal(MxkStatus.InvalidArgument, ex.Status);
        Assert.Equal("MXK_ERR_INVALID_ARGUMENT", ex.StatusName);
        Assert.Equal("mxk_partition_create", ex.Call);
        Assert.Contains("mxk_partition_create", ex.NativeMessage);
        Assert.False(ex.CheckedBeforeCall);
        Assert.Equal("", MaxkNative.LastError());
    }

    [Fact]
    public void ACbsrRoundTripsThroughTheDeviceInBothIndexWidths()
    {
        NativeAvailability.Require();
        var host = MaxKSelector.Select(RandomCsr.Dense(5, 300, 64), 300, 64, 7);
        foreach (var width in new[] { CbsrIndexWidth.UInt8, CbsrIndexWidth.UInt16 })
        {
            using var device = DeviceCbsr.Upload(host, width);
            Assert.Equal(300L * 7 * (int)width, device.Indices.ByteLength);
            var back = device.Download();
            Assert.Equal(host.Values, back.Values);
            Assert.Equal(host.IndexBytes, back.IndexBytes);
        }
    }

    [Fact]
    public void PoisonedCbsrFailsToDownloadAsValidCbsr()
    {
        NativeAvailability.Require();
        using var device = DeviceCbsr.Allocate(10, 32, 4);
        device.Poison();
        Assert.ThrowsAny<InvalidCbsrException>(() => device.Download());
    }

    [Fact]
    public void AGraphWithoutEdgesGivesZeroOutputs()
    {
        NativeAvailability.Require();
        const int n = 100;
        const int dim = 64;
        const int k = 8;
        var graph = new CsrGraph(n, new int[n + 1], [], []);
        using var csr = DeviceCsr.Upload(graph);
        using var partition = GpuPartition.Create(csr);
        Assert.Equal(0, partition.RecordCount);
        Assert.Equal(n, partition.Info.NumEmptyRows);
        var x = MaxKSelector.Select(RandomCsr.Dense(6, n, dim), n, dim, k);
        using var dx = DeviceCbsr.Upload(x);
        using var y = DeviceBuffer.Allocate<float>(n * dim);
        using var gradXs = DeviceBuffer.Allocate<float>(n * k);
        using var gradY = DeviceBuffer.FromHost<float>(RandomCsr.Dense(7, n, dim));
        y.FillBytes(0xFF);
        gradXs.FillBytes(0xFF);
        GpuSpgemmForward.Run(partition, dx, y);
        GpuSspmmBackward.Run(partition, gradY, dx, gradXs);
        CudaRuntime.Synchronize();
        Assert.All(y.ToArray<float>(), v => Assert.Equal(0f, v));
        Assert.All(gradXs.ToArray<float>(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void SelectingZeroRowsIsANoOp()
    {
        NativeAvailability.Require();
        using var x = DeviceBuffer.Allocate<float>(0);
        using var output = GpuMaxKSelect.Select(x, 0, 64, 8);
        Assert.Equal(0, output.Rows);
    }

    [Fact]
    public void WrappersRejectMismatchedOperandsBeforeTheCall()
    {
        NativeAvailability.Require();
        var graph = RandomCsr.Build(11, 50, meanDegree: 3, emptyRowFraction: 0, hubDegree: 5, weighted: false);
        using var csr = DeviceCsr.Upload(graph);
        using var partition = GpuPartition.Create(csr);
        using var x = DeviceCbsr.Allocate(49, 32, 4);
        using var y = DeviceBuffer.Allocate<float>(50 * 32);
        Assert.Throws<OperandShapeMismatchException>(() => GpuSpgemmForward.Run(partition, x, y));
        using var x50 = DeviceCbsr.Allocate(50, 32, 4);
        using var small = DeviceBuffer.Allocate<float>((50 * 32) - 1);
        Assert.Throws<OperandShapeMismatchException>(() => GpuSpgemmForward.Run(partition, x50, small));
        Assert.Throws<OperandShapeMismatchException>(() => GpuMaxKSelect.Run(small, x50));
        Assert.Throws<OperandShapeMismatchException>(() => GpuSspmmBackward.Run(partition, small, x50, y));
        Assert.Throws<OperandShapeMismatchException>(() => GpuMaxKBackwardScatter.Run(y, x50, small));
    }
}
