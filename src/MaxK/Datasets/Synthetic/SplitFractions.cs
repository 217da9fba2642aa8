namespace MaxK.Datasets.Synthetic;

/// <summary>
/// Train/validation/test shares of a random node split; the test set takes the rest, so the three always cover
/// every node once. Counts are ⌊N·train + ½⌋ and ⌊N·val + ½⌋.
/// </summary>
public sealed record SplitFractions(double Train, double Val)
{
    /// <summary>Reddit's split (153,431 / 23,831 / 55,703 of 232,965 nodes): exact at Reddit's size, ≈ 66/10/24 %.</summary>
    public static SplitFractions Reddit { get; } = new(153_431.0 / 232_965, 23_831.0 / 232_965);

    /// <summary>The test share, 1 − train − val.</summary>
    public double Test => 1 - Train - Val;

    public void Validate()
    {
        if (!(Train > 0 && Val >= 0 && Train + Val < 1))
            throw new ArgumentException($"Split fractions need train > 0, val ≥ 0 and train + val < 1; got train {Train}, val {Val}.");
    }

    /// <summary>(train, val, test) node counts for <paramref name="nodes"/> nodes.</summary>
    public (int Train, int Val, int Test) Counts(int nodes)
    {
        var train = (int)Math.Min(nodes, Math.Floor(nodes * Train + 0.5));
        var val = (int)Math.Min(nodes - train, Math.Floor(nodes * Val + 0.5));
        return (train, val, nodes - train - val);
    }
}
