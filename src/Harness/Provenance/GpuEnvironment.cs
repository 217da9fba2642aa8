using MaxK.Baselines.CuSparse;
using MaxK.Interop;
using MaxK.Native;

namespace MaxK.Harness.Provenance;

/// <summary>
/// Whether the GPU kernels can run here: an NVIDIA driver with a device, a loadable CUDA runtime, the MaxK native
/// library (<c>libmaxk_native.so</c>, compatible version) and cuSPARSE, asked in that order. The first missing piece
/// is the reason, worded for the user.
/// </summary>
public static class GpuEnvironment
{
    /// <summary>Probes this process's environment; never throws.</summary>
    public static GpuEnvironmentStatus Probe() => Evaluate(CudaDriverProbe.Probe, ProbeRuntime, MaxkNative.ProbeAvailability, ProbeCuSparse);

    /// <summary>
    /// Throws a <see cref="HarnessException"/> (exit code 2) naming <paramref name="what"/> and the reason unless the GPU
    /// kernels can run; returns the status otherwise.
    /// </summary>
    public static GpuEnvironmentStatus Require(string what, Func<GpuEnvironmentStatus>? probe = null)
    {
        var status = (probe ?? Probe)();
        if (status.UnavailableReason is { } reason)
            throw new HarnessException($"{what} needs a CUDA GPU, the CUDA runtime, cuSPARSE and the MaxK native library: {reason}");
        return status;
    }

    /// <summary>The decision, from the four probes (each returns null when fine, else its reason). Pure; testable without a GPU.</summary>
    public static GpuEnvironmentStatus Evaluate(
        Func<(int DeviceCount, int DriverVersion, string? Reason)> driver, Func<string?> runtime, Func<string?> native, Func<string?> cuSparse)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(native);
        ArgumentNullException.ThrowIfNull(cuSparse);
        var (count, version, driverReason) = driver();
        if (driverReason is not null || count == 0)
            return new GpuEnvironmentStatus(count, version, driverReason ?? "the NVIDIA driver reports no CUDA device");
        if (runtime() is { } runtimeReason)
            return new GpuEnvironmentStatus(count, version, $"the CUDA runtime is unusable: {runtimeReason}");
        if (native() is { } nativeReason)
            return new GpuEnvironmentStatus(count, version, $"the MaxK native library is unavailable: {nativeReason}");
        if (cuSparse() is { } sparseReason)
            return new GpuEnvironmentStatus(count, version, $"cuSPARSE is unavailable: {sparseReason}");
        return new GpuEnvironmentStatus(count, version, null);
    }

    private static string? ProbeRuntime()
    {
        try
        {
            return CudaRuntime.DeviceCount() > 0 ? null : "cudaGetDeviceCount reports no device";
        }
        catch (DllNotFoundException ex)
        {
            return ex.Message;
        }
        catch (CudaException ex)
        {
            return ex.Message;
        }
    }

    private static string? ProbeCuSparse()
    {
        try
        {
            _ = CuSparseLibrary.GetVersion();
            return null;
        }
        catch (DllNotFoundException ex)
        {
            return ex.Message;
        }
        catch (CuSparseException ex)
        {
            return ex.Message;
        }
    }
}
