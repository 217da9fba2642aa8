namespace MaxK.Graphs;

/// <summary>
/// A graph operation would produce more edges (or work records) than an int32-indexed array can hold
/// (<see cref="Array.MaxLength"/>); CSR offsets are int32 by design.
/// </summary>
public sealed class EdgeCountOverflowException(long requested)
    : InvalidOperationException($"The result would hold {requested} entries, more than the int32 limit of {Array.MaxLength}.")
{
    /// <summary>The entry count the operation would have needed.</summary>
    public long Requested { get; } = requested;
}
