using MaxK.Graphs;

namespace MaxK.Harness.Peers.Released;

/// <summary>
/// The released kernels on one graph, end to end: the checkout (or the pinned clone), its cached build, the W layout of
/// <paramref name="structure"/> under the cache and one run of the executable. What can go wrong on the peer's side
/// (no checkout and no network, no nvcc, a failed build, a crash, no output) comes back as <see cref="Failure"/>, labelled
/// a peer failure by the caller, never as an exception.
/// </summary>
public sealed record ReleasedGraphRun(string Graph, string? Commit, IReadOnlyList<ReleasedTiming> Timings, string? Failure)
{
    public static ReleasedGraphRun Execute(ReleasedPeerOptions options, string graph, CsrGraph structure, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(log);
        ReleasedSource source;
        string exe;
        try
        {
            source = options.CheckoutDirectory is { } dir ? ReleasedSource.Open(dir) : ReleasedSource.CloneOrThrow(options.CacheDirectory);
            exe = ReleasedBuild.Ensure(source, options.Arch, options.CacheDirectory, log);
        }
        catch (PeerUnavailableException ex)
        {
            return new ReleasedGraphRun(graph, null, [], "peer unavailable: " + ex.Message);
        }
        var name = SafeName(graph);
        var work = Path.Combine(options.CacheDirectory, "released-work", name);
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
        ReleasedLayout.Write(work, name, structure);
        log.WriteLine($"released kernels ({source.Commit[..Math.Min(8, source.Commit.Length)]}) on {graph}: {exe} {name}");
        var run = ReleasedRun.Execute(exe, work, name, options.TimeoutPerGraph);
        Directory.Delete(work, recursive: true);
        return new ReleasedGraphRun(graph, source.Commit, run.Timings, run.Failure is null ? null : "peer failure: " + run.Failure);
    }

    /// <summary>
    /// The graph's name as a file name the released program can open: the last part of a spec (after its last ':' or '/'),
    /// in letters, digits, '-', '_' and '.' ("csr:/data/graphs/Flickr" → "Flickr", "dataset:cora" → "cora").
    /// </summary>
    public static string SafeName(string graph)
    {
        var last = (graph ?? "").Split([':', '/', '\\'], StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "graph";
        return new([.. last.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_')]);
    }
}
