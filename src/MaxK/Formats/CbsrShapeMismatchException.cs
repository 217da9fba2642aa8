namespace MaxK.Formats;

/// <summary>The row count is negative or an array's length disagrees with Rows × K (× index width).</summary>
public sealed class CbsrShapeMismatchException(string message) : InvalidCbsrException(message);
