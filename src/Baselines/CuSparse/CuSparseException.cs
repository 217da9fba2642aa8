namespace MaxK.Baselines.CuSparse;

/// <summary>A cuSPARSE call returned a status other than <see cref="CuSparseStatus.Success"/>.</summary>
public sealed class CuSparseException(int status, string call, string errorName, string description)
    : Exception($"{call} failed: {errorName} ({status}): {description}")
{
    /// <summary>The raw <c>cusparseStatus_t</c> value.</summary>
    public int RawStatus { get; } = status;

    /// <summary>The status as an enum (undefined values keep their number).</summary>
    public CuSparseStatus Status => (CuSparseStatus)RawStatus;

    /// <summary>The cuSPARSE function that failed.</summary>
    public string Call { get; } = call;

    /// <summary>cusparseGetErrorName's text, e.g. CUSPARSE_STATUS_INVALID_VALUE.</summary>
    public string ErrorName { get; } = errorName;

    /// <summary>cusparseGetErrorString's text.</summary>
    public string Description { get; } = description;
}
