using MaxK.Graphs;

namespace MaxK.Tests.Support;

/// <summary>Seeded random CSR graphs, reproducible from (seed, options).</summary>
internal static class RandomGraphs
{
    public static CsrGraph Build(int seed, RandomGraphOptions options)
    {
        var rng = new Random(seed);
        var n = options.NodeCount;
        var hubRow = options.HubDegree > 0 && n > 0 ? rng.Next(n) : -1;
        var rowPointers = new int[n + 1];
        var columns = new List<int>();
        var weights = new List<float>();
        for (var r = 0; r < n; r++)
        {
            var degree = r == hubRow ? options.HubDegree : OrdinaryDegree(rng, options);
            var maxDistinct = options.SelfLoops ? n : n - 1;
            if (options.Distinct)
                degree = Math.Min(degree, maxDistinct);
            var seen = new HashSet<int>();
            for (var i = 0; i < degree; i++)
            {
                int c;
                do
                {
                    c = rng.Next(n);
                }
                while ((!options.SelfLoops && c == r) || (options.Distinct && !seen.Add(c)));
                columns.Add(c);
                weights.Add((rng.NextSingle() * 2) - 1);
            }
            rowPointers[r + 1] = columns.Count;
        }
        return new CsrGraph(n, rowPointers, [.. columns], options.Weighted ? [.. weights] : null);
    }

    /// <summary>A small graph from explicit rows: rows[r] lists row r's columns in order.</summary>
    public static CsrGraph FromRows(int[][] rows, float[]? weights = null)
    {
        var rowPointers = new int[rows.Length + 1];
        for (var r = 0; r < rows.Length; r++)
            rowPointers[r + 1] = rowPointers[r] + rows[r].Length;
        return new CsrGraph(rows.Length, rowPointers, [.. rows.SelectMany(x => x)], weights);
    }

    /// <summary>The (row, column, weight) triples of a graph in CSR order.</summary>
    public static List<(int Row, int Column, float Weight)> Edges(CsrGraph g)
    {
        var edges = new List<(int, int, float)>(g.EdgeCount);
        for (var r = 0; r < g.NodeCount; r++)
        {
            for (var e = g.RowPointers[r]; e < g.RowPointers[r + 1]; e++)
                edges.Add((r, g.ColumnIndices[e], g.Weight(e)));
        }
        return edges;
    }

    /// <summary>Row r's columns as an array.</summary>
    public static int[] Row(CsrGraph g, int r) => g.ColumnIndices[g.RowPointers[r]..g.RowPointers[r + 1]];

    private static int OrdinaryDegree(Random rng, RandomGraphOptions options)
    {
        if (rng.NextDouble() < options.EmptyRowFraction)
            return 0;
        var top = Math.Max(1, (int)Math.Round(2 * options.MeanDegree) - 1);
        return rng.Next(1, top + 1);
    }
}
