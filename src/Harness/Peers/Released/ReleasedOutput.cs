using System.Globalization;

namespace MaxK.Harness.Peers.Released;

/// <summary>One timing line of the released kernels' output: <c>i/n NAME DIM K KERNEL MS</c>.</summary>
/// <param name="Graph">The graph name it was run on.</param>
/// <param name="Dim">The feature width (256 in the released main.cu).</param>
/// <param name="K">The CBSR k of the line (cuSPARSE lines carry the k of the loop they were printed in).</param>
/// <param name="Kernel">The released name: <c>cusparse</c>, <c>maxk</c> or <c>maxk_backward</c>.</param>
/// <param name="MeanMs">Their figure: a host-clock mean (4 runs after 4 warm-ups for MaxK; see <see cref="ReleasedPeer"/>).</param>
public sealed record ReleasedTiming(string Graph, int Dim, int K, string Kernel, double MeanMs);

/// <summary>Parses the released kernels' standard output; lines that are not timing lines (headers, logs) are skipped.</summary>
public static class ReleasedOutput
{
    public const string CuSparse = "cusparse";
    public const string Forward = "maxk";
    public const string Backward = "maxk_backward";

    public static IReadOnlyList<ReleasedTiming> Parse(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var timings = new List<ReleasedTiming>();
        foreach (var raw in stdout.Split('\n'))
        {
            var f = raw.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 6 || !IsProgress(f[0]))
                continue;
            if (!int.TryParse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var dim)
                || !int.TryParse(f[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var k)
                || !double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
                || f[4] is not (CuSparse or Forward or Backward) || !double.IsFinite(ms) || ms <= 0)
                continue;
            timings.Add(new ReleasedTiming(f[1], dim, k, f[4], ms));
        }
        return timings;
    }

    private static bool IsProgress(string s)
    {
        var slash = s.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && int.TryParse(s[..slash], NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            && int.TryParse(s[(slash + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
    }
}
