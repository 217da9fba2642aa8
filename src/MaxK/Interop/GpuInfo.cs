namespace MaxK.Interop;

/// <summary>
/// Which GPU produced a result, for provenance: identity, size and software versions.
/// Memory sizes are bytes; clocks are kHz and null where the driver no longer reports them.
/// </summary>
/// <param name="DeviceIndex">CUDA runtime device index.</param>
/// <param name="Name">Marketing name from the driver API (cuDeviceGetName), e.g. "NVIDIA H200".</param>
/// <param name="ComputeCapabilityMajor">e.g. 9 for sm_90.</param>
/// <param name="ComputeCapabilityMinor">e.g. 0 for sm_90.</param>
/// <param name="MultiprocessorCount">Number of SMs.</param>
/// <param name="TotalMemoryBytes">Device memory (cudaMemGetInfo).</param>
/// <param name="FreeMemoryBytes">Free device memory when queried.</param>
/// <param name="L2CacheBytes">L2 cache size.</param>
/// <param name="SharedMemoryPerBlockOptinBytes">Shared memory a block may use after opting in.</param>
/// <param name="SmClockKHz">Peak SM clock, if reported.</param>
/// <param name="MemoryClockKHz">Peak memory clock, if reported.</param>
/// <param name="MemoryBusWidthBits">Memory bus width, if reported.</param>
/// <param name="DriverVersion">CUDA version the driver supports, e.g. 13000.</param>
/// <param name="RuntimeVersion">CUDA runtime version in use, e.g. 13000.</param>
public sealed record GpuInfo(
    int DeviceIndex,
    string Name,
    int ComputeCapabilityMajor,
    int ComputeCapabilityMinor,
    int MultiprocessorCount,
    long TotalMemoryBytes,
    long FreeMemoryBytes,
    long L2CacheBytes,
    long SharedMemoryPerBlockOptinBytes,
    int? SmClockKHz,
    int? MemoryClockKHz,
    int? MemoryBusWidthBits,
    int DriverVersion,
    int RuntimeVersion)
{
    /// <summary>"9.0" style compute capability.</summary>
    public string ComputeCapability => $"{ComputeCapabilityMajor}.{ComputeCapabilityMinor}";

    /// <summary>Driver-supported CUDA version as "13.0".</summary>
    public string DriverVersionText => FormatVersion(DriverVersion);

    /// <summary>Runtime version as "13.0".</summary>
    public string RuntimeVersionText => FormatVersion(RuntimeVersion);

    /// <summary>Formats CUDA's encoded version (1000·major + 10·minor) as "major.minor", e.g. 12080 → "12.8".</summary>
    public static string FormatVersion(int encoded) => $"{encoded / 1000}.{encoded % 1000 / 10}";

    /// <summary>Queries device <paramref name="device"/>; the current device is restored afterwards.</summary>
    /// <exception cref="CudaException">A runtime or driver call failed (no GPU, driver too old, …).</exception>
    public static GpuInfo Query(int device = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(device);
        CudaRuntime.Check(CudaRuntime.cudaGetDevice(out var previous), "cudaGetDevice");
        if (previous != device)
            CudaRuntime.Check(CudaRuntime.cudaSetDevice(device), "cudaSetDevice");
        try
        {
            var (free, total) = CudaRuntime.MemoryInfo();
            return new GpuInfo(
                device,
                CudaDriverNative.DeviceName(device),
                CudaRuntime.GetAttribute(CudaDeviceAttribute.ComputeCapabilityMajor, device),
                CudaRuntime.GetAttribute(CudaDeviceAttribute.ComputeCapabilityMinor, device),
                CudaRuntime.GetAttribute(CudaDeviceAttribute.MultiProcessorCount, device),
                total,
                free,
                CudaRuntime.GetAttribute(CudaDeviceAttribute.L2CacheSize, device),
                CudaRuntime.GetAttribute(CudaDeviceAttribute.MaxSharedMemoryPerBlockOptin, device),
                Positive(CudaRuntime.TryGetAttribute(CudaDeviceAttribute.ClockRate, device)),
                Positive(CudaRuntime.TryGetAttribute(CudaDeviceAttribute.MemoryClockRate, device)),
                Positive(CudaRuntime.TryGetAttribute(CudaDeviceAttribute.GlobalMemoryBusWidth, device)),
                CudaRuntime.DriverVersion(),
                CudaRuntime.RuntimeVersion());
        }
        finally
        {
            if (previous != device)
                CudaRuntime.Check(CudaRuntime.cudaSetDevice(previous), "cudaSetDevice");
        }
    }

    public override string ToString() =>
        $"{Name} (sm_{ComputeCapabilityMajor}{ComputeCapabilityMinor}, {MultiprocessorCount} SMs, "
        + $"{TotalMemoryBytes / (double)(1L << 30):F1} GiB, L2 {L2CacheBytes / (double)(1L << 20):F0} MiB; "
        + $"driver CUDA {DriverVersionText}, runtime {RuntimeVersionText})";

    private static int? Positive(int? value) => value is > 0 ? value : null;
}
