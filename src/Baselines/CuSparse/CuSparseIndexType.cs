namespace MaxK.Baselines.CuSparse;

/// <summary><c>cusparseIndexType_t</c>.</summary>
public enum CuSparseIndexType
{
    /// <summary><c>CUSPARSE_INDEX_16U</c>.</summary>
    UInt16 = 1,

    /// <summary><c>CUSPARSE_INDEX_32I</c>.</summary>
    Int32 = 2,

    /// <summary><c>CUSPARSE_INDEX_64I</c>.</summary>
    Int64 = 3,
}
