namespace MaxK.Native;

/// <summary>
/// The status codes of <c>maxk_native.h</c> (<c>MXK_OK</c>, <c>MXK_ERR_*</c>); every native function returns one as
/// an <c>int</c>. Values are pinned to the header's <c>#define</c>s.
/// </summary>
public enum MxkStatus
{
    /// <summary>MXK_OK: success.</summary>
    Ok = 0,

    /// <summary>MXK_ERR_INVALID_ARGUMENT: a NULL pointer, negative size, bad enum value, misaligned buffer, a partition
    /// built for another graph, or invalid CSR contents.</summary>
    InvalidArgument = 1,

    /// <summary>MXK_ERR_UNSUPPORTED_SHAPE: a well-formed request for a shape the kernels do not implement.</summary>
    UnsupportedShape = 2,

    /// <summary>MXK_ERR_CUDA: a CUDA runtime error (launch failure, an earlier kernel's illegal address, ...).</summary>
    Cuda = 3,

    /// <summary>MXK_ERR_OUT_OF_MEMORY: cudaMalloc or a host allocation failed.</summary>
    OutOfMemory = 4,

    /// <summary>MXK_ERR_INTERNAL: an internal invariant of the library failed (a bug there).</summary>
    Internal = 5,
}
