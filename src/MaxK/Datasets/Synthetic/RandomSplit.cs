using MaxK.Graphs.Synthetic;

namespace MaxK.Datasets.Synthetic;

/// <summary>A random train/validation/test node split; each part is sorted ascending (for memory locality).</summary>
public sealed record RandomSplit(int[] Train, int[] Val, int[] Test)
{
    /// <summary>Shuffles the node ids and cuts them by <paramref name="fractions"/>.</summary>
    public static RandomSplit Create(int nodes, SplitFractions fractions, Xoshiro256StarStar rng)
    {
        ArgumentNullException.ThrowIfNull(fractions);
        fractions.Validate();
        var order = Enumerable.Range(0, nodes).ToArray();
        SyntheticLabels.Shuffle(order, ref rng);
        var (train, val, _) = fractions.Counts(nodes);
        var trainNodes = order[..train];
        var valNodes = order[train..(train + val)];
        var testNodes = order[(train + val)..];
        Array.Sort(trainNodes);
        Array.Sort(valNodes);
        Array.Sort(testNodes);
        return new RandomSplit(trainNodes, valNodes, testNodes);
    }
}
