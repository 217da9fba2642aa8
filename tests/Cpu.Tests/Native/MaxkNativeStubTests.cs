using System.Runtime.InteropServices;
using MaxK.Baselines.GnnAdvisor;
using MaxK.Formats;
using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Native;

namespace MaxK.Tests.Native;

/// <summary>The process-wide state of the maxk_native resolver: tests that load a library run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeProcessState
{
    public const string Name = "maxk_native process state";
}

/// <summary>
/// The whole managed path into libmaxk_native.so (resolver, P/Invoke declarations, struct layouts, SafeHandle release,
/// error text, wrappers' argument order) against a CPU stub compiled from the real header: it records every argument
/// of the last call, so a swapped parameter or a mis-sized field shows up here, without a GPU.
/// </summary>
[Collection(NativeProcessState.Name)]
public class MaxkNativeStubTests
{
    private static readonly IntPtr Indices = 0x5000;
    private static readonly IntPtr Values = 0x6000;

    [Fact]
    public void TheResolverLoadsTheLibraryNamedByTheEnvironmentVariable()
    {
        UseStub();
        Assert.Equal(new Version(0, 3, 7), MaxkNative.Version());
        Assert.Equal(NativeStub.Library, MaxkNativeLibraryResolver.LoadedPath);
        Assert.Equal("stub; arch 90; 0.3.7", MaxkNative.BuildInfo());
    }

    [Fact]
    public void DeviceInfoIsReadFieldByField()
    {
        UseStub();
        var info = MaxkNative.DeviceInfo(0);
        Assert.Equal("Stub GPU é", info.NameText);
        Assert.Equal(150012345678L, info.TotalGlobalMemBytes);
        Assert.Equal(
            [0, 13000, 12080, 12090, 9, 1, 132, 52428800, 232448, 1980000, 6144, -5],
            [info.Device, info.DriverVersion, info.RuntimeVersion, info.CompiledCudaVersion, info.ComputeCapabilityMajor, info.ComputeCapabilityMinor,
                info.SmCount, info.L2CacheBytes, info.MaxSharedPerBlockOptin, info.ClockKHz, info.MemoryBusWidthBits, info.Reserved]);
    }

    [Fact]
    public void AFailedCallThrowsWithTheLibrarysMessageAndClearsIt()
    {
        UseStub();
        var ex = Assert.Throws<MaxkNativeException>(() => MaxkNative.DeviceInfo(1));
        Assert.Equal(MxkStatus.InvalidArgument, ex.Status);
        Assert.Equal("MXK_ERR_INVALID_ARGUMENT", ex.StatusName);
        Assert.Equal("mxk_device_info", ex.Call);
        Assert.Equal("mxk_device_info: device 1 out of range [0, 1)", ex.NativeMessage);
        Assert.False(ex.CheckedBeforeCall);
        Assert.Equal("mxk_device_info failed: MXK_ERR_INVALID_ARGUMENT (1): mxk_device_info: device 1 out of range [0, 1)", ex.Message);
        Assert.Equal("", MaxkNative.LastError());
    }

    [Fact]
    public void TheGnnAdvisorDeciderPassesSixtyFourBitEdgeCountsAndReadsTheConfig()
    {
        UseStub();
        var reddit = GnnAdvisorConfig.Decide(232_965, 114_615_892, 256);
        Assert.Equal((491, 32, 8, 8L * ((8 * 491) + (4 * 256))), (reddit.Ngs, reddit.Dw, reddit.Wpb, reddit.SharedMemoryBytes));
        Assert.Equal(7, GnnAdvisorConfig.Decide(232_965, 114_615_892, 256, hiddenLayerQuirk: true).Wpb);
        Assert.Equal(2_000_000, GnnAdvisorConfig.Decide(1_000, 2_000_000_000L * 1, 16).Ngs);
    }

    [Fact]
    public unsafe void APartitionReportsItsInfoAndIsDestroyedOnDispose()
    {
        UseStub();
        int[] indptr = [0, 3, 3, 8, 9];
        var destroyedBefore = Destroyed();
        fixed (int* rows = indptr)
        {
            var view = new DeviceCsrView(4, 4, 9, (IntPtr)rows, Indices, Values);
            using (var partition = GpuPartition.Create(view, maxChunk: 2))
            {
                var info = partition.Info;
                Assert.Equal((IntPtr)0x10000, info.Records);
                Assert.Equal((IntPtr)0x20000, info.PartPtr);
                Assert.Equal((IntPtr)0x30000, info.Part2Node);
                Assert.Equal((IntPtr)0x40000, info.ZeroRows);
                Assert.Equal(5_000_000_000L + 6, info.DeviceBytes);
                Assert.Equal([4, 9, 2, 6, 3, 2, 5, 1],
                    [info.Rows, info.NonZeros, info.MaxChunk, info.NumRecords, info.NumZeroRows, info.NumSplitRows, info.MaxDegree, info.NumEmptyRows]);
                Assert.Equal([0, 2], LastCall(2));
                Assert.Equal(Destroyed(), destroyedBefore);
            }
            Assert.Equal(destroyedBefore + 1, Destroyed());

            int[] bad = [0, 3, 2, 8, 9];
            fixed (int* badRows = bad)
            {
                var badView = new DeviceCsrView(4, 4, 9, (IntPtr)badRows, Indices, Values);
                var ex = Assert.Throws<MaxkNativeException>(() => GpuPartition.Create(badView));
                Assert.Equal(MxkStatus.InvalidArgument, ex.Status);
                Assert.Contains("indptr decreases at row 1", ex.Message);
            }
        }
    }

    [Fact]
    public unsafe void KernelWrappersPassEveryArgumentInOrder()
    {
        UseStub();
        int[] indptr = [0, 2, 5];
        fixed (int* rows = indptr)
        {
            using var a = GpuPartition.Create(new DeviceCsrView(2, 3, 5, (IntPtr)rows, Indices, Values));

            GpuSpgemmForward.Run(a, 0x7000, 0x8001, CbsrIndexWidth.UInt8, 16, 64, 0x9000);
            Assert.Equal([2, Indices, Values, 3, 0x7000, 0x8001, 1, 16, 64, 0x9000, -1, 0], LastCall(12));

            var tuning = new MxkTuning { WarpsPerBlock = 4, MaxBlocks = 16, GroupLanes = 2, Flags = MxkTuningFlags.ScalarSlots };
            GpuSpgemmForward.Run(a, 0x7004, 0x8002, CbsrIndexWidth.UInt16, 16, 64, 0x9000, tuning);
            Assert.Equal([2, Indices, Values, 3, 0x7004, 0x8002, 2, 16, 64, 0x9000, 4_162_001, 0], LastCall(12));

            GpuSspmmBackward.Run(a, 0xA000, 0xB002, CbsrIndexWidth.UInt16, 8, 384, 0xC004, new MxkTuning { Flags = MxkTuningFlags.SharedAtomics | MxkTuningFlags.PartitionedBanks });
            Assert.Equal([2, Indices, Values, 3, 0xA000, 0xB002, 2, 8, 384, 0xC004, 6, 0], LastCall(12));

            GpuMaxKSelect.Run(0xD000, 10, 256, 32, 0xE004, 0xF001, CbsrIndexWidth.UInt8);
            Assert.Equal([0xD000, 10, 256, 32, 0xE004, 0xF001, 1, 0], LastCall(8));

            GpuMaxKBackwardScatter.Run(0x11004, 0x12002, CbsrIndexWidth.UInt16, 7, 5, 300, 0x13000);
            Assert.Equal([0x11004, 0x12002, 2, 7, 5, 300, 0x13000, 0], LastCall(8));

            GpuCsrValidator.Validate(new DeviceCsrView(2, 3, 5, (IntPtr)rows, Indices, Values), checkValues: false);
            Assert.Equal([(long)(IntPtr)rows, Indices, Values, 2, 3, 5, 0, 0], LastCall(8));

            MaxkNative.Check(MaxkNativeMethods.mxk_gnnadvisor_spmm(a.Handle, Indices, Values, 3, 0x14000, 96, 6, 16, 0x15000, IntPtr.Zero), "mxk_gnnadvisor_spmm");
            Assert.Equal([GpuPartition.DefaultMaxChunk, Indices, Values, 3, 0x14000, 96, 6, 16, 0x15000, 0], LastCall(10));
        }
    }

    [Fact]
    public unsafe void TheLibrarysOwnShapeRejectionReachesTheCaller()
    {
        UseStub();
        int[] indptr = [0, 1];
        fixed (int* rows = indptr)
        {
            using var a = GpuPartition.Create(new DeviceCsrView(1, 1, 1, (IntPtr)rows, Indices, Values));
            var status = MaxkNativeMethods.mxk_spgemm_forward(a.Handle, Indices, Values, 1, 0x7000, 0x8000, 2, 257, 512, 0x9000, null, IntPtr.Zero);
            var ex = Assert.Throws<MaxkNativeException>(() => MaxkNative.Check(status, "mxk_spgemm_forward"));
            Assert.Equal(MxkStatus.UnsupportedShape, ex.Status);
            Assert.Equal("MXK_ERR_UNSUPPORTED_SHAPE", ex.StatusName);
            Assert.Contains("(got 257)", ex.NativeMessage);

            // The wrapper applies the same limit itself, before the call.
            var managed = Assert.Throws<MaxkNativeException>(() => GpuSpgemmForward.Run(a, 0x7000, 0x8000, CbsrIndexWidth.UInt16, 257, 512, 0x9000));
            Assert.True(managed.CheckedBeforeCall);
            Assert.Equal(ex.Status, managed.Status);
        }
    }

    [Fact]
    public void AnOlderLibraryOrOneMissingExportsIsRefusedWithTheReason()
    {
        UseStub();
        var (handle, error) = MaxkNativeLibraryResolver.TryLoadCompatible(NativeStub.OldVersionLibrary);
        Assert.Equal(IntPtr.Zero, handle);
        Assert.Contains("version 0.2.7", error);
        Assert.Contains("need 0.3.x", error);

        (handle, error) = MaxkNativeLibraryResolver.TryLoadCompatible(NativeStub.PartialLibrary);
        Assert.Equal(IntPtr.Zero, handle);
        Assert.Contains("lacks mxk_last_error", error);

        (handle, error) = MaxkNativeLibraryResolver.TryLoadCompatible(NativeStub.Library);
        Assert.NotEqual(IntPtr.Zero, handle);
        Assert.Null(error);
    }

    /// <summary>Points the resolver at the stub, or skips if another maxk_native was already loaded in this process.</summary>
    private static void UseStub()
    {
        var library = NativeStub.Library;
        Environment.SetEnvironmentVariable(MaxkNativeLibraryResolver.EnvironmentVariable, library);
        if (MaxkNativeLibraryResolver.LoadedPath is { } loaded && loaded != library)
            Assert.Skip($"another maxk_native ({loaded}) was loaded earlier in this process");
    }

    private static unsafe long[] LastCall(int count)
    {
        var handle = NativeLibrary.Load(NativeStub.Library);
        var get = (delegate* unmanaged<int, long>)NativeLibrary.GetExport(handle, "stub_last_call");
        return [.. Enumerable.Range(0, count).Select(i => get(i))];
    }

    private static unsafe int Destroyed()
    {
        var handle = NativeLibrary.Load(NativeStub.Library);
        return ((delegate* unmanaged<int>)NativeLibrary.GetExport(handle, "stub_destroyed"))();
    }
}
