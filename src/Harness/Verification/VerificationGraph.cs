using MaxK.Graphs;
using MaxK.Graphs.Synthetic;

namespace MaxK.Harness.Verification;

/// <summary>
/// Seeded random graphs that stress the kernels' edge cases: empty rows, one hub row far above the partition chunk
/// (1,024 edges), repeated columns in a row, weights uniform in [−1, 1). Same recipe as the GPU tests' RandomCsr,
/// drawn from <see cref="Xoshiro256StarStar"/> so the harness reproduces it exactly from a seed.
/// </summary>
public static class VerificationGraph
{
    /// <summary>Default size of <c>maxk verify</c>: large enough for split rows and many blocks, small enough for a minute.</summary>
    public const int DefaultNodes = 20_000;

    /// <summary>Edges of the hub row (above 10,000: about a dozen records of 1,024 edges).</summary>
    public const int DefaultHubDegree = 12_000;

    /// <summary>The graph name a verification record carries, e.g. "verification-20000" (the seed is the record's own field).</summary>
    public static string Name(int nodes) => $"verification-{nodes}";

    /// <summary>The label a verification record carries (the default recipe of <see cref="Build"/>).</summary>
    public static string Label(int nodes) =>
        $"seeded random test graph: {nodes:N0} nodes, about 10% empty rows, a {DefaultHubDegree:N0}-edge hub row, repeated columns, weights in [−1, 1) (synthetic)";

    /// <summary>
    /// An N-node graph: each ordinary row is empty with probability <paramref name="emptyRowFraction"/>, otherwise has a
    /// degree uniform in [1, 2·<paramref name="meanDegree"/> − 1]; one random row gets exactly <paramref name="hubDegree"/>
    /// edges. Columns uniform over [0, N) (repeats allowed); weights uniform in [−1, 1).
    /// </summary>
    public static CsrGraph Build(ulong seed, int nodes = DefaultNodes, int meanDegree = 8, double emptyRowFraction = 0.1, int hubDegree = DefaultHubDegree)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(meanDegree, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(hubDegree);
        var rng = new Xoshiro256StarStar(seed);
        var hub = (int)rng.NextBounded((uint)nodes);
        var rowPointers = new int[nodes + 1];
        var columns = new List<int>();
        var weights = new List<float>();
        for (var r = 0; r < nodes; r++)
        {
            var degree = r == hub ? hubDegree
                : rng.NextDouble() < emptyRowFraction ? 0
                : 1 + (int)rng.NextBounded((uint)((2 * meanDegree) - 1));
            for (var i = 0; i < degree; i++)
            {
                columns.Add((int)rng.NextBounded((uint)nodes));
                weights.Add((float)((rng.NextDouble() * 2) - 1));
            }
            rowPointers[r + 1] = columns.Count;
        }
        return new CsrGraph(nodes, rowPointers, [.. columns], [.. weights]);
    }
}
