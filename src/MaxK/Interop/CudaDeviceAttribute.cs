namespace MaxK.Interop;

/// <summary>
/// The <c>cudaDeviceAttr</c> values this project queries with <c>cudaDeviceGetAttribute</c> (numbers from
/// <c>driver_types.h</c>). CUDA 13 removed several <c>cudaDeviceProp</c> fields, so attributes are the portable
/// route (platform.md §1.6).
/// </summary>
public enum CudaDeviceAttribute
{
    MaxThreadsPerBlock = 1,

    /// <summary>Bytes of shared memory a block may use without opting in.</summary>
    MaxSharedMemoryPerBlock = 8,
    WarpSize = 10,

    /// <summary>Peak SM clock in kHz (may be unsupported on newer drivers).</summary>
    ClockRate = 13,
    MultiProcessorCount = 16,
    EccEnabled = 32,
    PciBusId = 33,
    PciDeviceId = 34,

    /// <summary>Peak memory clock in kHz (may be unsupported on newer drivers).</summary>
    MemoryClockRate = 36,
    GlobalMemoryBusWidth = 37,

    /// <summary>L2 cache size in bytes.</summary>
    L2CacheSize = 38,
    MaxThreadsPerMultiProcessor = 39,
    PciDomainId = 50,
    ComputeCapabilityMajor = 75,
    ComputeCapabilityMinor = 76,

    /// <summary>Bytes of shared memory per SM.</summary>
    MaxSharedMemoryPerMultiprocessor = 81,
    MaxRegistersPerMultiprocessor = 82,

    /// <summary>Bytes of shared memory a block may use after <c>cudaFuncSetAttribute</c> opt-in.</summary>
    MaxSharedMemoryPerBlockOptin = 97,
}
