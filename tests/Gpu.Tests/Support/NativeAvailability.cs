using MaxK.Interop;
using MaxK.Native;

namespace MaxK.GpuTests.Support;

/// <summary>
/// Skips (or fails, when MAXK_REQUIRE_GPU=1) unless a CUDA device is present and libmaxk_native.so loads: from
/// MAXK_NATIVE_LIB, a native/cuda/build/ above the current or the test folder, or the loader's path. TorchSharp is
/// brought up first when it can be (its PyTorch CUDA libraries then serve the CUDA runtime), but the kernel tests do
/// not need it: the CUDA runtime is also found through MAXK_CUDA_LIB_DIR, the loader's path or the toolkit folders.
/// </summary>
public static class NativeAvailability
{
    private static readonly Lazy<string?> Reason = new(() =>
    {
        var (devices, _, driverReason) = CudaDriverProbe.Probe();
        if (devices == 0)
            return $"no CUDA device: {driverReason ?? "the driver reports none"}";
        _ = GpuAvailability.TryInitialize();
        return MaxkNative.ProbeAvailability();
    });

    public static void Require()
    {
        if (Reason.Value is not { } reason)
            return;
        if (GpuAvailability.Required)
            Assert.Fail($"MAXK_REQUIRE_GPU=1 but the GPU kernels cannot run: {reason}");
        Assert.Skip($"The GPU kernels cannot run: {reason}");
    }
}
