namespace MaxK.Interop;

/// <summary>
/// A CUDA runtime (<c>cudaError_t</c>) or driver (<c>CUresult</c>) call returned an error.
/// The message names the call, the error's symbolic name, its code and the library's description.
/// </summary>
public class CudaException : Exception
{
    public CudaException(int status, string call, string errorName, string description)
        : this(status, call, errorName, description, $"{call} failed: {errorName} ({status}): {description}")
    {
    }

    protected CudaException(int status, string call, string errorName, string description, string message)
        : base(message)
    {
        Status = status;
        Call = call;
        ErrorName = errorName;
        Description = description;
    }

    /// <summary>The numeric status the call returned (never 0).</summary>
    public int Status { get; }

    /// <summary>The function that failed, e.g. <c>cudaMalloc</c>.</summary>
    public string Call { get; }

    /// <summary>Symbolic name, e.g. <c>cudaErrorMemoryAllocation</c>.</summary>
    public string ErrorName { get; }

    /// <summary>The library's description of the error.</summary>
    public string Description { get; }
}
