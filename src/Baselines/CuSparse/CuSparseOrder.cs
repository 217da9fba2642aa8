namespace MaxK.Baselines.CuSparse;

/// <summary><c>cusparseOrder_t</c>: dense matrix layout. Row-major is the fair baseline (platform.md §2.4).</summary>
public enum CuSparseOrder
{
    Column = 1,
    Row = 2,
}
