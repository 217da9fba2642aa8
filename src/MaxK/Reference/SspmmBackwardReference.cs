using MaxK.Formats;
using MaxK.Graphs;

namespace MaxK.Reference;

/// <summary>CPU ground truth of the MaxK backward kernel (design §3.2): (Aᵀ · G) sampled at a CBSR pattern.</summary>
public static class SspmmBackwardReference
{
    /// <summary>
    /// dXs[c, s] = Σ over edges e = (r → c) of w(e) · G[r, idx(c, s)], i.e. (Aᵀ·G)[c, idx(c,s)], output N × k
    /// float32 in the CBSR layout of <paramref name="pattern"/>. Correct for any (non-symmetric) A; Aᵀ is never
    /// built. Scheme: destination rows c are split into P contiguous ranges balanced by in-degree (P = processor
    /// count); each range gets an N_range × k double accumulator and scans all of A's edges in CSR order,
    /// taking those whose column falls in its range. Every (c, s) therefore sums its terms in CSR edge order
    /// whatever P is, and is rounded to float once: results are identical for any thread count.
    /// Complexity: time O(P·E + E·k + B·N) with the P edge scans spread over P workers (wall ≈ E + E·k/P),
    /// extra memory N·k doubles plus ≤ 128 MiB for the in-degree count.
    /// </summary>
    /// <param name="a">The forward's CSR (not its transpose).</param>
    /// <param name="gradOut">G = dL/dY, N × D float32 row-major.</param>
    /// <param name="pattern">The forward's CBSR; only its indices are read.</param>
    /// <exception cref="OperandShapeMismatchException">pattern.Rows ≠ N or gradOut.Length ≠ N × D.</exception>
    public static float[] Compute(CsrGraph a, ReadOnlySpan<float> gradOut, Cbsr pattern) =>
        Compute(a, gradOut, pattern, Environment.ProcessorCount);

    /// <summary>As <see cref="Compute(CsrGraph, ReadOnlySpan{float}, Cbsr)"/> with an explicit number of destination ranges (≥ 1).</summary>
    internal static unsafe float[] Compute(CsrGraph a, ReadOnlySpan<float> gradOut, Cbsr pattern, int ranges)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(pattern);
        CbsrGuards.RequireMatchingRows(a, pattern);
        CbsrGuards.RequireLittleEndian();
        var (n, dim, k) = (a.NodeCount, pattern.Dim, pattern.K);
        if (gradOut.Length != (long)n * dim)
            throw new OperandShapeMismatchException($"G must hold N × D = {n} × {dim} = {(long)n * dim} floats, got {gradOut.Length}.");
        var result = new float[pattern.Values.Length];
        var bounds = DestinationRanges(a, Math.Max(1, ranges));
        fixed (float* gPtr = gradOut)
        {
            var gAddress = (nint)gPtr;
            Parallel.For(0, bounds.Length - 1, i =>
                AccumulateRange(a, (float*)gAddress, pattern, bounds[i], bounds[i + 1], result));
        }
        return result;
    }

    private static unsafe void AccumulateRange(CsrGraph a, float* g, Cbsr pattern, int c0, int c1, float[] result)
    {
        var (n, dim, k) = (a.NodeCount, pattern.Dim, pattern.K);
        var rp = a.RowPointers;
        var w = a.EdgeWeights;
        var span = (uint)(c1 - c0);
        var acc = new double[(long)(c1 - c0) * k];
        var wide = pattern.IndexWidth == CbsrIndexWidth.UInt16;
        fixed (int* ci = a.ColumnIndices)
        fixed (byte* indexBytes = pattern.IndexBytes)
        fixed (double* sum = acc)
        {
            for (var r = 0; r < n; r++)
            {
                var gRow = g + ((long)r * dim);
                for (var e = rp[r]; e < rp[r + 1]; e++)
                {
                    var c = ci[e];
                    if ((uint)(c - c0) >= span)
                        continue;
                    var weight = w is null ? 1.0 : w[e];
                    var dst = sum + ((long)(c - c0) * k);
                    if (wide)
                    {
                        var idx = (ushort*)indexBytes + ((long)c * k);
                        for (var s = 0; s < k; s++)
                            dst[s] += weight * gRow[idx[s]];
                    }
                    else
                    {
                        var idx = indexBytes + ((long)c * k);
                        for (var s = 0; s < k; s++)
                            dst[s] += weight * gRow[idx[s]];
                    }
                }
            }
        }
        var offset = c0 * k;
        for (var i = 0; i < acc.Length; i++)
            result[offset + i] = (float)acc[i];
    }

    // Boundaries 0 = b0 < … < bP = N with roughly equal Σ (in-degree + 1) per range.
    private static int[] DestinationRanges(CsrGraph a, int parts)
    {
        var n = a.NodeCount;
        if (n == 0)
            return [0];
        var inDegrees = ColumnHistogram.InDegrees(a);
        var total = (long)a.EdgeCount + n;
        var bounds = new List<int> { 0 };
        long running = 0;
        var next = 1;
        for (var c = 0; c < n && next < parts; c++)
        {
            running += inDegrees[c] + 1L;
            if (running * parts >= total * next)
            {
                if (c + 1 < n)
                    bounds.Add(c + 1);
                while (next < parts && running * parts >= total * next)
                    next++;
            }
        }
        bounds.Add(n);
        return [.. bounds];
    }
}
