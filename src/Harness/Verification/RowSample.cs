using MaxK.Graphs;
using MaxK.Graphs.Synthetic;

namespace MaxK.Harness.Verification;

/// <summary>
/// Rows at which a large output is checked against an exact CPU reference: every row when N ≤ the budget, otherwise
/// the <see cref="HeaviestRows"/> rows of largest degree (where split records and atomics happen), up to
/// <see cref="EmptyRows"/> rows of degree 0 (which must come out zero), and uniformly random rows for the rest.
/// Ascending and distinct.
/// </summary>
public sealed class RowSample
{
    /// <summary>Rows checked on large graphs.</summary>
    public const int DefaultBudget = 4_096;

    public const int HeaviestRows = 32;

    public const int EmptyRows = 8;

    private RowSample(int[] rows, bool isAllRows, string description)
    {
        Rows = rows;
        IsAllRows = isAllRows;
        Description = description;
    }

    /// <summary>The sampled rows, ascending.</summary>
    public int[] Rows { get; }

    /// <summary>True when the sample is every row (the check is then a full comparison).</summary>
    public bool IsAllRows { get; }

    /// <summary>For verification records, e.g. "all 1,000 rows" or "4,096 of 232,965 rows (32 heaviest, 8 empty, rest uniform)".</summary>
    public string Description { get; }

    /// <summary>Samples rows by <paramref name="degrees"/> (out-degrees for Y = A·X, in-degrees for Aᵀ-shaped outputs).</summary>
    public static RowSample Create(int[] degrees, int budget, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(degrees);
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, HeaviestRows + EmptyRows + 1);
        var n = degrees.Length;
        if (n <= budget)
            return new RowSample([.. Enumerable.Range(0, n)], true, $"all {n:N0} rows");
        var chosen = new HashSet<int>();
        foreach (var row in Enumerable.Range(0, n).OrderByDescending(r => degrees[r]).ThenBy(r => r).Take(HeaviestRows))
            chosen.Add(row);
        var rng = new Xoshiro256StarStar(seed);
        var start = (int)rng.NextBounded((uint)n);
        var empty = 0;
        for (var i = 0; i < n && empty < EmptyRows; i++)
        {
            var row = (start + i) % n;
            if (degrees[row] == 0 && chosen.Add(row))
                empty++;
        }
        while (chosen.Count < budget)
            chosen.Add((int)rng.NextBounded((uint)n));
        var rows = chosen.Order().ToArray();
        return new RowSample(rows, false, $"{rows.Length:N0} of {n:N0} rows ({HeaviestRows} heaviest, {empty} empty, rest uniform)");
    }

    /// <summary>Out-degree (CSR row length) of every row.</summary>
    public static int[] OutDegrees(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var degrees = new int[graph.NodeCount];
        for (var r = 0; r < degrees.Length; r++)
            degrees[r] = graph.Degree(r);
        return degrees;
    }

    /// <summary>The rows' entries of a row-major matrix of <paramref name="width"/> columns.</summary>
    public float[] Gather(float[] full, int width)
    {
        ArgumentNullException.ThrowIfNull(full);
        var result = new float[(long)Rows.Length * width];
        for (var i = 0; i < Rows.Length; i++)
            Array.Copy(full, (long)Rows[i] * width, result, (long)i * width, width);
        return result;
    }
}
