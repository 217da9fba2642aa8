namespace MaxK.Baselines.CuSparse;

/// <summary><c>cusparseIndexBase_t</c>.</summary>
public enum CuSparseIndexBase
{
    Zero = 0,
    One = 1,
}
