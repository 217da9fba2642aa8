using MaxK.Graphs;

namespace MaxK.GpuTests.Support;

/// <summary>Seeded random CSR graphs and dense matrices for GPU tests.</summary>
internal static class RandomCsr
{
    /// <summary>
    /// An N-node graph: each ordinary row is empty with probability <paramref name="emptyRowFraction"/>, otherwise has
    /// a degree uniform in [1, 2·<paramref name="meanDegree"/> − 1]; one random row (a hub) gets exactly
    /// <paramref name="hubDegree"/> edges. Columns are uniform (repeats allowed); weights uniform in [−1, 1) when
    /// <paramref name="weighted"/>, else null (all 1).
    /// </summary>
    public static CsrGraph Build(int seed, int nodeCount, int meanDegree, double emptyRowFraction, int hubDegree, bool weighted)
    {
        var rng = new Random(seed);
        var hub = rng.Next(nodeCount);
        var rowPointers = new int[nodeCount + 1];
        var columns = new List<int>();
        var weights = new List<float>();
        for (var r = 0; r < nodeCount; r++)
        {
            var degree = r == hub ? hubDegree
                : rng.NextDouble() < emptyRowFraction ? 0
                : rng.Next(1, (2 * meanDegree) - 1 + 1);
            for (var i = 0; i < degree; i++)
            {
                columns.Add(rng.Next(nodeCount));
                weights.Add((rng.NextSingle() * 2) - 1);
            }
            rowPointers[r + 1] = columns.Count;
        }
        return new CsrGraph(nodeCount, rowPointers, [.. columns], weighted ? [.. weights] : null);
    }

    /// <summary>A row-major <paramref name="rows"/> × <paramref name="cols"/> float32 matrix, entries uniform in [−1, 1).</summary>
    public static float[] Dense(int seed, int rows, int cols)
    {
        var rng = new Random(seed);
        var values = new float[(long)rows * cols];
        for (var i = 0; i < values.Length; i++)
            values[i] = (rng.NextSingle() * 2) - 1;
        return values;
    }
}
