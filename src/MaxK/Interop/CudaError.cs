namespace MaxK.Interop;

/// <summary>
/// The few <c>cudaError_t</c> codes this code reacts to specifically. Status values stay <c>int</c> at the
/// P/Invoke boundary; every other code is reported by name through <see cref="CudaException"/>.
/// </summary>
public enum CudaError
{
    Success = 0,

    /// <summary><c>cudaErrorInvalidValue</c>: also what an unsupported device attribute returns.</summary>
    InvalidValue = 1,

    /// <summary><c>cudaErrorMemoryAllocation</c>: cudaMalloc could not allocate the requested bytes.</summary>
    MemoryAllocation = 2,

    /// <summary><c>cudaErrorCudartUnloading</c>: the runtime is shutting down (process exit).</summary>
    CudartUnloading = 4,

    /// <summary><c>cudaErrorNoDevice</c>.</summary>
    NoDevice = 100,
}
