using System.Globalization;

namespace MaxK.Harness.Runner;

/// <summary>
/// Part i of n (1-based) of a suite: case number j (0-based, in the suite's expanded order) belongs to shard
/// (j mod n) + 1. Round-robin over the ordered list is deterministic, needs no hashing, and spreads each graph's and
/// dataset's cases over the shards.
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    public static ShardSpec Whole { get; } = new(1, 1);

    public bool IsWhole => Count == 1;

    public bool Contains(int caseIndex) => caseIndex % Count == Index - 1;

    /// <summary>"i/n" as in the manifest.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Parses "i/n" with 1 ≤ i ≤ n; anything else is a <see cref="HarnessException"/>.</summary>
    public static ShardSpec Parse(string text)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && i >= 1 && i <= n)
            return new ShardSpec(i, n);
        throw new HarnessException($"--shard '{text}' is not of the form i/n with 1 <= i <= n (e.g. 1/4).");
    }
}
