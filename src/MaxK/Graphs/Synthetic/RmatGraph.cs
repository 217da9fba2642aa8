using System.Numerics;

namespace MaxK.Graphs.Synthetic;

/// <summary>
/// R-MAT graphs (Chakrabarti, Zhan and Faloutsos, 2004). Each edge descends log2(N') levels of the
/// adjacency matrix of N' = the next power of two ≥ N nodes, choosing the quadrant top-left, top-right,
/// bottom-left or bottom-right with probabilities a, b, c and d = 1 − a − b − c (no per-level noise).
/// Edges landing outside [0, N)² are <b>re-drawn</b> (rejection, not folding), so the distribution is R-MAT
/// conditioned on both endpoints being real nodes. Rows are the source endpoint; self-loops are kept.
/// With de-duplication (the default) repeated (row, column) pairs collapse, so the result has fewer edges
/// than requested: about 78.8 M of 114.6 M for the Reddit-sized a = 0.57, b = c = 0.19 graph
/// (platform notes §2.2). Without it, rows are sorted but keep their repeats and E is exact.
/// </summary>
public static class RmatGraph
{
    /// <summary>Edges per random stream; chunk k always uses stream k of the seed, whatever the thread count.</summary>
    private const int EdgesPerChunk = 1 << 16;

    /// <summary>
    /// Generates the graph in two passes over the same deterministic edge streams: the first counts edges per
    /// row, the second regenerates them and writes each column into its row's slot; then every row is sorted
    /// (and de-duplicated). Memory: E column ints, 2N ints of counters and, when duplicates were removed, the
    /// E' ints of the compacted copy; no edge list is stored.
    /// </summary>
    /// <param name="nodes">N ≥ 1.</param>
    /// <param name="edges">E requested, 0 ≤ E ≤ <see cref="Array.MaxLength"/>.</param>
    /// <param name="a">Top-left probability, &gt; 0 (so an in-range edge always exists).</param>
    /// <param name="b">Top-right probability, ≥ 0.</param>
    /// <param name="c">Bottom-left probability, ≥ 0; a + b + c ≤ 1.</param>
    /// <param name="seed">Any value; equal seeds give equal graphs.</param>
    /// <param name="deduplicate">Drop repeated edges (the default).</param>
    public static CsrGraph Generate(int nodes, long edges, double a, double b, double c, ulong seed, bool deduplicate = true) =>
        Generate(nodes, edges, a, b, c, seed, deduplicate, maxThreads: -1);

    /// <summary>As the public overload, on at most <paramref name="maxThreads"/> threads (−1: no limit); for tests.</summary>
    internal static CsrGraph Generate(int nodes, long edges, double a, double b, double c, ulong seed, bool deduplicate, int maxThreads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(edges);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(edges, Array.MaxLength);
        if (!(a > 0 && a <= 1))
            throw new ArgumentOutOfRangeException(nameof(a), a, "R-MAT probability a must be in (0, 1].");
        if (!(b >= 0 && b <= 1))
            throw new ArgumentOutOfRangeException(nameof(b), b, "R-MAT probability b must be in [0, 1].");
        if (!(c >= 0 && c <= 1))
            throw new ArgumentOutOfRangeException(nameof(c), c, "R-MAT probability c must be in [0, 1].");
        if (a + b + c > 1 + 1e-12)
            throw new ArgumentOutOfRangeException(nameof(c), a + b + c, "R-MAT probabilities must satisfy a + b + c ≤ 1.");

        var sampler = new Sampler(nodes, a, b, c);
        var parallelOptions = new ParallelOptions { MaxDegreeOfParallelism = maxThreads };
        var chunkCount = (edges + EdgesPerChunk - 1) / EdgesPerChunk;

        var rowPointers = new int[nodes + 1];
        Parallel.For(0L, chunkCount, parallelOptions, chunk =>
        {
            var rng = Xoshiro256StarStar.ForStream(seed, (ulong)chunk);
            var count = ChunkLength(chunk, edges);
            for (var i = 0; i < count; i++)
            {
                var (row, _) = sampler.NextEdge(ref rng);
                Interlocked.Increment(ref rowPointers[row + 1]);
            }
        });
        for (var r = 0; r < nodes; r++)
            rowPointers[r + 1] += rowPointers[r];

        var columns = new int[edges];
        var cursors = rowPointers.AsSpan(0, nodes).ToArray();
        Parallel.For(0L, chunkCount, parallelOptions, chunk =>
        {
            var rng = Xoshiro256StarStar.ForStream(seed, (ulong)chunk);
            var count = ChunkLength(chunk, edges);
            for (var i = 0; i < count; i++)
            {
                var (row, column) = sampler.NextEdge(ref rng);
                columns[Interlocked.Increment(ref cursors[row]) - 1] = column;
            }
        });
        // The slot order inside a row depends on scheduling; sorting makes the result deterministic.
        var (finalPointers, finalColumns) = CsrRowCompaction.SortRows(nodes, rowPointers, columns, deduplicate, parallelOptions);
        return new CsrGraph(nodes, finalPointers, finalColumns);
    }

    private static int ChunkLength(long chunk, long edges) => (int)Math.Min(EdgesPerChunk, edges - chunk * EdgesPerChunk);

    /// <summary>
    /// Quadrant choice per level from 32 random bits: u &lt; a → (0,0), &lt; a+b → (0,1), &lt; a+b+c → (1,0),
    /// else (1,1); thresholds are the probabilities scaled by 2^32 (resolution 2.3e-10). One 64-bit draw
    /// serves two levels.
    /// </summary>
    private readonly struct Sampler
    {
        private readonly int _nodes;
        private readonly int _levels;
        private readonly ulong _thresholdA;
        private readonly ulong _thresholdAB;
        private readonly ulong _thresholdABC;

        public Sampler(int nodes, double a, double b, double c)
        {
            _nodes = nodes;
            _levels = nodes == 1 ? 0 : BitOperations.Log2((uint)(nodes - 1)) + 1;
            _thresholdA = Scale(a);
            _thresholdAB = Scale(a + b);
            _thresholdABC = Scale(a + b + c);
        }

        public (int Row, int Column) NextEdge(ref Xoshiro256StarStar rng)
        {
            while (true)
            {
                var row = 0;
                var column = 0;
                ulong bits = 0;
                for (var level = 0; level < _levels; level++)
                {
                    if ((level & 1) == 0)
                        bits = rng.NextUInt64();
                    else
                        bits >>= 32;
                    var u = bits & 0xFFFF_FFFFUL;
                    var geA = u >= _thresholdA ? 1 : 0;
                    var geAB = u >= _thresholdAB ? 1 : 0;
                    var geABC = u >= _thresholdABC ? 1 : 0;
                    row = (row << 1) | geAB;
                    column = (column << 1) | (geA ^ geAB ^ geABC);
                }
                if (row < _nodes && column < _nodes)
                    return (row, column);
            }
        }

        private static ulong Scale(double probability) =>
            (ulong)Math.Clamp(Math.Round(probability * 4294967296.0), 0.0, 4294967296.0);
    }
}
