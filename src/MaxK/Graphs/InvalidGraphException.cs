namespace MaxK.Graphs;

/// <summary>Base class of every CSR validation failure; each defect has its own subclass.</summary>
public abstract class InvalidGraphException(string message) : FormatException(message);

/// <summary>The row-pointer array is not N+1 long, does not start at 0, or does not end at the edge count.</summary>
public sealed class CsrSizeMismatchException(string message) : InvalidGraphException(message);

/// <summary>A row pointer is smaller than the one before it.</summary>
public sealed class RowPointersNotMonotoneException(int row, long previous, long current)
    : InvalidGraphException($"CSR row pointers must be non-decreasing, but rowPointers[{row + 1}] = {current} < rowPointers[{row}] = {previous}.")
{
    public int Row { get; } = row;
}

/// <summary>A column index lies outside [0, N).</summary>
public sealed class ColumnIndexOutOfRangeException(long edge, int column, int nodeCount)
    : InvalidGraphException($"CSR column index {column} at edge {edge} is outside [0, {nodeCount}).")
{
    public long Edge { get; } = edge;
}

/// <summary>An edge weight is NaN or infinite.</summary>
public sealed class NonFiniteEdgeWeightException(long edge, float value)
    : InvalidGraphException($"CSR edge weight {value} at edge {edge} is not finite.");
