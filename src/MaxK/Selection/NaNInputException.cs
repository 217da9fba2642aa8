namespace MaxK.Selection;

/// <summary>The dense input of MaxK selection holds a NaN, which has no place in a by-value ranking.</summary>
public sealed class NaNInputException(int row, int column)
    : ArgumentException($"MaxK input holds NaN at row {row}, column {column}; top-k by value is undefined for NaN.")
{
    public int Row { get; } = row;

    public int Column { get; } = column;
}
