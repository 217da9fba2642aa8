namespace MaxK.Formats;

/// <summary>k (kept entries per row) lies outside [1, D].</summary>
public sealed class CbsrKOutOfRangeException(int k, int dim)
    : InvalidCbsrException($"CBSR k must lie in [1, D = {dim}], got k = {k}.")
{
    public int K { get; } = k;

    public int Dim { get; } = dim;
}
