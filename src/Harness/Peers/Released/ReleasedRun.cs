using System.Diagnostics;

namespace MaxK.Harness.Peers.Released;

/// <summary>The outcome of the released benchmark on one graph: its timing lines, or why it produced none (a peer failure).</summary>
public sealed record ReleasedRun(string Graph, IReadOnlyList<ReleasedTiming> Timings, string? Failure)
{
    /// <summary>
    /// Runs <paramref name="executable"/> <c>NAME</c> from <c>W/build</c> (the layout of <see cref="ReleasedLayout"/>) and
    /// parses its output. A non-zero exit, a timeout or output without timing lines for the graph is a failure of the
    /// peer (its last lines are kept), never an exception: the caller records it as such.
    /// </summary>
    public static ReleasedRun Execute(string executable, string workDirectory, string graph, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(workDirectory, ReleasedLayout.BuildFolder),
        };
        start.ArgumentList.Add(graph);
        using var p = Process.Start(start) ?? throw new PeerUnavailableException($"could not start {executable}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            return new ReleasedRun(graph, [], $"timed out after {timeout.TotalSeconds:F0} s");
        }
        p.WaitForExit();
        var timings = ReleasedOutput.Parse(stdout.Result).Where(t => t.Graph == graph).ToList();
        if (p.ExitCode != 0 || timings.Count == 0)
        {
            var tail = string.Join(" | ", (stderr.Result + "\n" + stdout.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3));
            return new ReleasedRun(graph, timings, $"exit code {p.ExitCode}{(timings.Count == 0 ? ", no timing lines" : "")}: {tail}");
        }
        return new ReleasedRun(graph, timings, null);
    }
}
