namespace MaxK.Baselines.CuSparse;

/// <summary><c>cusparseStatus_t</c> (cusparse.h; platform.md §1.2).</summary>
public enum CuSparseStatus
{
    Success = 0,
    NotInitialized = 1,
    AllocFailed = 2,
    InvalidValue = 3,
    ArchMismatch = 4,
    MappingError = 5,
    ExecutionFailed = 6,
    InternalError = 7,
    MatrixTypeNotSupported = 8,
    ZeroPivot = 9,
    NotSupported = 10,
    InsufficientResources = 11,
}
