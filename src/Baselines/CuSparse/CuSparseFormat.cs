namespace MaxK.Baselines.CuSparse;

/// <summary><c>cusparseFormat_t</c>.</summary>
public enum CuSparseFormat
{
    Csr = 1,
    Csc = 2,
    Coo = 3,
}
