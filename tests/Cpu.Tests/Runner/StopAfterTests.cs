using System.Text;
using MaxK.Harness.Runner;
using MaxK.Harness.Suites;

namespace MaxK.Tests.Runner;

/// <summary>
/// A time-limited run (--stop-after, for GPU hosts lent for a fixed time) writes the result of what finished, lists the
/// rest as not run with the way to finish them, keeps the journal, and a --resume without the limit completes the file.
/// </summary>
public class StopAfterTests
{
    private const string Suite = """
        { "suite": "stop", "seed": 42, "sections": [ { "name": "c", "kind": "kernel", "device": "cpu", "graphs": ["tiny-uniform"],
          "dims": [32], "ks": [8, 16], "kernels": ["maxk_forward", "maxk_backward"], "runs": 1, "warmup": 0 } ] }
        """;

    [Fact]
    public void ALimitOfZeroRunsNothingListsEveryCaseAndResumeFinishes()
    {
        using var dir = new ScratchFolder();
        var suite = SuiteFileReader.Parse(Encoding.UTF8.GetBytes(Suite), "stop.json");
        var stopped = new SuiteRunner(TextWriter.Null).Run(suite, new SuiteRunOptions { Output = dir.Path, CpuOnly = true, StopAfter = TimeSpan.Zero });
        Assert.Equal(4, stopped.NotRun);
        Assert.Empty(stopped.Result.Cases);
        Assert.Contains(stopped.Result.Skipped, s => s.Reason.Contains("--resume", StringComparison.Ordinal) && s.What.StartsWith("4 of 4 cases", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(dir.Path, "stop.journal.jsonl")));
        Assert.True(File.Exists(stopped.Path));

        var finished = new SuiteRunner(TextWriter.Null).Run(suite, new SuiteRunOptions { Output = dir.Path, CpuOnly = true, Resume = true });
        Assert.Equal(0, finished.NotRun);
        Assert.Equal(4, finished.Result.Cases.Count);
        Assert.DoesNotContain(finished.Result.Skipped, s => s.Reason.Contains("time limit", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(dir.Path, "stop.journal.jsonl")));
    }
}
