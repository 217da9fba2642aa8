namespace MaxK.Interop;

/// <summary>
/// <c>cudaMalloc</c> failed with <c>cudaErrorMemoryAllocation</c>. States what was asked for and what the device
/// had, so a benchmark can report a case as "does not fit" rather than as a crash.
/// </summary>
public sealed class GpuOutOfMemoryException : CudaException
{
    public GpuOutOfMemoryException(long requestedBytes, long freeBytes, long totalBytes, string errorName, string description)
        : base(
            (int)CudaError.MemoryAllocation,
            "cudaMalloc",
            errorName,
            description,
            $"GPU out of memory: cudaMalloc of {requestedBytes:N0} bytes ({requestedBytes / (double)(1L << 30):F2} GiB) failed "
            + $"with {freeBytes:N0} bytes free of {totalBytes:N0} ({freeBytes / (double)(1L << 30):F2} of "
            + $"{totalBytes / (double)(1L << 30):F2} GiB); {errorName}: {description}")
    {
        RequestedBytes = requestedBytes;
        FreeBytes = freeBytes;
        TotalBytes = totalBytes;
    }

    /// <summary>Bytes the failed allocation asked for.</summary>
    public long RequestedBytes { get; }

    /// <summary>Free device memory in bytes right after the failure (cudaMemGetInfo); −1 if that query failed too.</summary>
    public long FreeBytes { get; }

    /// <summary>Total device memory in bytes (cudaMemGetInfo); −1 if unknown.</summary>
    public long TotalBytes { get; }
}
