namespace MaxK.Baselines.CuSparse;

/// <summary><c>cusparsePointerMode_t</c>: where alpha and beta live. Host is the default and what this code uses.</summary>
public enum CuSparsePointerMode
{
    Host = 0,
    Device = 1,
}
