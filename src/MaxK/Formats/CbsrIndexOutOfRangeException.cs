namespace MaxK.Formats;

/// <summary>A stored column index lies outside [0, D).</summary>
public sealed class CbsrIndexOutOfRangeException(int row, int slot, int value, int dim)
    : InvalidCbsrException($"CBSR column index {value} at row {row}, slot {slot} is outside [0, D = {dim}).")
{
    public int Row { get; } = row;

    public int Slot { get; } = slot;

    public int Value { get; } = value;
}
