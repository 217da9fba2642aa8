namespace MaxK.Formats;

/// <summary>A row stores the same column index in two slots (the GPU forward's non-atomic add needs them distinct).</summary>
public sealed class CbsrDuplicateIndexException(int row, int firstSlot, int slot, int value)
    : InvalidCbsrException($"CBSR row {row} repeats column index {value} in slots {firstSlot} and {slot}; a row's indices must be distinct.")
{
    public int Row { get; } = row;

    public int FirstSlot { get; } = firstSlot;

    public int Slot { get; } = slot;

    public int Value { get; } = value;
}
