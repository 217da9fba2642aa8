using MaxK.Native;

namespace MaxK.GpuTests.Support;

/// <summary>
/// Skips (or fails, when MAXK_REQUIRE_GPU=1) unless CUDA works and libmaxk_native.so loads: from MAXK_NATIVE_LIB, a
/// native/cuda/build/ above the current or the test folder, or the loader's path.
/// </summary>
public static class NativeAvailability
{
    private static readonly Lazy<string?> Reason = new(MaxkNative.ProbeAvailability);

    public static void Require()
    {
        GpuAvailability.RequireCuda();
        if (Reason.Value is not { } reason)
            return;
        if (GpuAvailability.Required)
            Assert.Fail($"MAXK_REQUIRE_GPU=1 but the MaxK native library is unavailable: {reason}");
        Assert.Skip($"The MaxK native library is unavailable: {reason}");
    }
}
