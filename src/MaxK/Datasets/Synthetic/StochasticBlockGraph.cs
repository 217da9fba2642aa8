using System.Collections.Concurrent;
using MaxK.Graphs;
using MaxK.Graphs.Synthetic;

namespace MaxK.Datasets.Synthetic;

/// <summary>
/// Undirected stochastic block model graphs stored as symmetric CSR: every pair {u, v} (u ≠ v) is an edge
/// independently with probability p_in when u and v share a class and p_out otherwise; both directions are
/// stored, rows are sorted, there are no self-loops and no repeated edges (each pair is decided once).
/// <para>
/// Row u decides its pairs with the higher-numbered nodes, from its own random stream (seed, u), by geometric
/// skipping (Batagelj and Brandes, 2005): same-class partners along the sorted member list of u's class at rate
/// p_in, then all higher nodes at rate p_out, keeping the other-class ones. Cost O(N + E) and no per-pair work.
/// Because a row's draws depend only on (seed, row), the graph is the same for any thread count.
/// </para>
/// <para>
/// Memory ≈ 4·E bytes: the row streams are replayed twice — once to count degrees, once to write both
/// directions of each edge straight into the final column array (positions claimed atomically, rows sorted
/// afterwards) — so no edge list is ever held.
/// </para>
/// </summary>
public static class StochasticBlockGraph
{
    /// <summary>Rows per parallel work item (low rows cost more; small items keep the cores balanced).</summary>
    private const int RowsPerRange = 512;

    /// <summary>Generates the graph for <paramref name="labels"/> (class per node, in [0, C)).</summary>
    public static CsrGraph Generate(int[] labels, int classes, CsbmEdgeProbabilities probabilities, ulong seed) =>
        Generate(labels, classes, probabilities, seed, maxThreads: -1);

    /// <summary>As the public overload, on at most <paramref name="maxThreads"/> threads (−1: no limit); for tests.</summary>
    internal static CsrGraph Generate(int[] labels, int classes, CsbmEdgeProbabilities probabilities, ulong seed, int maxThreads)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        var n = labels.Length;
        var (members, position) = ClassMembers(labels, classes);
        var sampler = new PairSampler(labels, members, position, probabilities);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxThreads };
        var ranges = Partitioner.Create(0, n, RowsPerRange);

        var degrees = new int[n];
        Parallel.ForEach(ranges, options, range =>
        {
            for (var u = range.Item1; u < range.Item2; u++)
            {
                var rng = Xoshiro256StarStar.ForStream(seed, (ulong)u);
                var own = sampler.ForEachPartner(u, ref rng, v => Interlocked.Increment(ref degrees[v]));
                Interlocked.Add(ref degrees[u], own);
            }
        });

        var rowPointers = PrefixSumOf(degrees);
        var columns = new int[rowPointers[n]];
        var cursors = rowPointers[..n];
        Parallel.ForEach(ranges, options, range =>
        {
            for (var u = range.Item1; u < range.Item2; u++)
            {
                var rng = Xoshiro256StarStar.ForStream(seed, (ulong)u);
                var source = u;
                sampler.ForEachPartner(u, ref rng, v =>
                {
                    columns[Interlocked.Increment(ref cursors[source]) - 1] = v;
                    columns[Interlocked.Increment(ref cursors[v]) - 1] = source;
                });
            }
        });
        // Positions inside a row depend on scheduling; sorting makes the result deterministic.
        Parallel.ForEach(ranges, options, range =>
        {
            for (var r = range.Item1; r < range.Item2; r++)
                columns.AsSpan(rowPointers[r], rowPointers[r + 1] - rowPointers[r]).Sort();
        });
        return new CsrGraph(n, rowPointers, columns);
    }

    /// <summary>Sorted member list of each class and each node's index in its class's list.</summary>
    private static (int[][] Members, int[] Position) ClassMembers(int[] labels, int classes)
    {
        var counts = new int[classes];
        foreach (var label in labels)
        {
            if ((uint)label >= (uint)classes)
                throw new ArgumentException($"Label {label} is outside [0, {classes}).", nameof(labels));
            counts[label]++;
        }
        var members = counts.Select(c => new int[c]).ToArray();
        var fill = new int[classes];
        var position = new int[labels.Length];
        for (var v = 0; v < labels.Length; v++)
        {
            var c = labels[v];
            position[v] = fill[c];
            members[c][fill[c]++] = v;
        }
        return (members, position);
    }

    private static int[] PrefixSumOf(int[] degrees)
    {
        var offsets = new int[degrees.Length + 1];
        long total = 0;
        for (var i = 0; i < degrees.Length; i++)
        {
            total += degrees[i];
            if (total > Array.MaxLength)
                throw new ArgumentException($"The SBM graph has more than {Array.MaxLength} directed edges, beyond int32 CSR offsets.");
            offsets[i + 1] = (int)total;
        }
        return offsets;
    }

    /// <summary>Draws one row's higher-numbered partners; the same stream always gives the same partners.</summary>
    private sealed class PairSampler(int[] labels, int[][] members, int[] position, CsbmEdgeProbabilities p)
    {
        private readonly double _logSkipIn = LogOneMinus(p.SameClass);
        private readonly double _logSkipOut = LogOneMinus(p.OtherClass);

        /// <summary>Calls <paramref name="partner"/> for every v &gt; u joined to u; returns how many.</summary>
        public int ForEachPartner(int u, ref Xoshiro256StarStar rng, Action<int> partner)
        {
            var count = 0;
            var c = labels[u];
            var list = members[c];
            if (p.SameClass > 0)
            {
                for (long i = position[u]; ;)
                {
                    i += 1 + Skip(ref rng, _logSkipIn);
                    if (i >= list.Length)
                        break;
                    partner(list[i]);
                    count++;
                }
            }
            if (p.OtherClass > 0)
            {
                for (long v = u; ;)
                {
                    v += 1 + Skip(ref rng, _logSkipOut);
                    if (v >= labels.Length)
                        break;
                    if (labels[v] == c)
                        continue;
                    partner((int)v);
                    count++;
                }
            }
            return count;
        }

        /// <summary>Failures before the next success of a Bernoulli(p) sequence: ⌊ln U / ln(1 − p)⌋, capped.</summary>
        private static long Skip(ref Xoshiro256StarStar rng, double logOneMinusP)
        {
            if (logOneMinusP == double.NegativeInfinity)
                return 0; // p = 1: every candidate is an edge
            var u = 1.0 - rng.NextDouble(); // (0, 1]
            var skip = Math.Floor(Math.Log(u) / logOneMinusP);
            return skip >= int.MaxValue ? int.MaxValue : (long)skip;
        }

        private static double LogOneMinus(double probability) =>
            probability >= 1 ? double.NegativeInfinity : Math.Log(1 - probability);
    }
}
