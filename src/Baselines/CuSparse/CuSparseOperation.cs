namespace MaxK.Baselines.CuSparse;

/// <summary><c>cusparseOperation_t</c>.</summary>
public enum CuSparseOperation
{
    NonTranspose = 0,
    Transpose = 1,
    ConjugateTranspose = 2,
}
