namespace MaxK.Graphs;

/// <summary>Exclusive prefix sums that turn per-row counts into CSR-style offsets.</summary>
internal static class PrefixSum
{
    /// <summary>
    /// Offsets of length counts.Length + 1: offsets[0] = 0, offsets[i+1] = offsets[i] + counts[i].
    /// Throws <see cref="EdgeCountOverflowException"/> when the total exceeds <see cref="Array.MaxLength"/>.
    /// </summary>
    public static int[] Exclusive(ReadOnlySpan<int> counts)
    {
        var offsets = new int[counts.Length + 1];
        long total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            total += counts[i];
            if (total > Array.MaxLength)
                throw new EdgeCountOverflowException(SumAsLong(counts));
            offsets[i + 1] = (int)total;
        }
        return offsets;
    }

    private static long SumAsLong(ReadOnlySpan<int> counts)
    {
        long total = 0;
        foreach (var c in counts)
            total += c;
        return total;
    }
}
