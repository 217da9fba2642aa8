using MaxK.Graphs.Synthetic;

namespace MaxK.Datasets.Synthetic;

/// <summary>Class assignments of synthetic datasets, from one seeded stream (sequential, O(N)).</summary>
public static class SyntheticLabels
{
    /// <summary>
    /// Class sizes for <paramref name="nodes"/> nodes: balanced (⌊N/C⌋ or ⌈N/C⌉, the larger ones first) when
    /// <paramref name="proportions"/> is null, else ⌊N·π_c⌋ with the leftover nodes given by largest remainder.
    /// </summary>
    public static int[] ClassSizes(int nodes, int classes, IReadOnlyList<double>? proportions)
    {
        var sizes = new int[classes];
        if (proportions is null)
        {
            for (var c = 0; c < classes; c++)
                sizes[c] = nodes / classes + (c < nodes % classes ? 1 : 0);
            return sizes;
        }
        var remainders = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            var exact = nodes * proportions[c];
            sizes[c] = (int)Math.Floor(exact);
            remainders[c] = exact - sizes[c];
        }
        var left = nodes - sizes.Sum();
        foreach (var c in Enumerable.Range(0, classes).OrderByDescending(c => remainders[c]).ThenBy(c => c).Take(left))
            sizes[c]++;
        return sizes;
    }

    /// <summary>Exactly <paramref name="classSizes"/>[c] nodes of class c, in a uniformly random order (Fisher–Yates).</summary>
    public static int[] Shuffled(IReadOnlyList<int> classSizes, Xoshiro256StarStar rng)
    {
        var labels = new int[classSizes.Sum()];
        var p = 0;
        for (var c = 0; c < classSizes.Count; c++)
        {
            for (var i = 0; i < classSizes[c]; i++)
                labels[p++] = c;
        }
        Shuffle(labels, ref rng);
        return labels;
    }

    /// <summary>Each node's class drawn independently and uniformly from [0, C).</summary>
    public static int[] Independent(int nodes, int classes, Xoshiro256StarStar rng)
    {
        var labels = new int[nodes];
        for (var i = 0; i < nodes; i++)
            labels[i] = (int)rng.NextBounded((uint)classes);
        return labels;
    }

    /// <summary>In-place Fisher–Yates shuffle.</summary>
    internal static void Shuffle(int[] values, ref Xoshiro256StarStar rng)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = (int)rng.NextBounded((uint)(i + 1));
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
