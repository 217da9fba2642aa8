using MaxK.Interop;

namespace MaxK.Harness.Training;

/// <summary>
/// <c>--device cuda</c> on a host without a usable NVIDIA driver or GPU: says so (what <c>maxk env</c> reports as
/// gpu_unavailable_reason) before libtorch is looked for, instead of a libtorch search that cannot succeed.
/// </summary>
public static class CudaDeviceCheck
{
    /// <summary>Throws a <see cref="HarnessException"/> when the driver probe finds no usable GPU.</summary>
    public static void Require(Func<(int DeviceCount, int DriverVersion, string? Reason)>? probe = null)
    {
        var (count, _, reason) = (probe ?? CudaDriverProbe.Probe)();
        if (reason is not null || count == 0)
            throw new HarnessException($"--device cuda: no NVIDIA driver/GPU on this host ({reason ?? "the driver reports no device"}); use --device cpu, or run on a CUDA host (`maxk env` shows what is missing).");
    }
}
