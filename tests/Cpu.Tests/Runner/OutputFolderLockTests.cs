using System.Diagnostics;
using MaxK.Harness;
using MaxK.Harness.Runner;

namespace MaxK.Tests.Runner;

/// <summary>
/// One `maxk bench` per output folder. At c08d25c two runs on one --output both reported success and one result
/// overwrote the other (the journal was opened with FileShare.Read, which does not exclude on Linux).
/// </summary>
public class OutputFolderLockTests
{
    /// <summary>Hours of work: it is killed once the test has seen the second run refused.</summary>
    private const string SlowSuite = """
        { "suite": "slow", "sections": [ { "name": "k", "kind": "kernel", "graphs": ["tiny-rmat"], "dims": [256], "ks": [16], "runs": 1000000, "warmup": 0 } ] }
        """;

    [Fact]
    public void ASecondHandleOnTheSameFolderIsRefusedUntilTheFirstIsReleased()
    {
        using var dir = new ScratchFolder();
        var first = OutputFolderLock.Acquire(dir.Path);
        var ex = Assert.Throws<HarnessException>(() => OutputFolderLock.Acquire(dir.Path));
        Assert.Contains($"Output folder '{dir.Path}' is in use by another `maxk bench` run", ex.Message);
        using (OutputFolderLock.Acquire(dir.File("other")))
        {
            // Another folder is not affected.
        }
        first.Dispose();
        OutputFolderLock.Acquire(dir.Path).Dispose();
    }

    [Fact]
    public async Task ASecondRunIsRefusedWhileAnotherProcessRunsAndTheLockDiesWithThatProcess()
    {
        using var dir = new ScratchFolder();
        var suite = dir.File("slow.json");
        File.WriteAllText(suite, SlowSuite);
        var output = dir.File("out");
        var journal = Path.Combine(output, "slow.journal.jsonl");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "maxk.dll"), "bench", "--suite", suite, "--output", output, "--cpu-only" })
            info.ArgumentList.Add(a);
        info.Environment["CI"] = "1";
        using var first = Process.Start(info)!;
        try
        {
            var clock = Stopwatch.StartNew();
            // The journal's header line is written once the run holds the folder.
            while (!(File.Exists(journal) && File.ReadAllText(journal).Contains('\n', StringComparison.Ordinal)) && !first.HasExited
                   && clock.Elapsed < TimeSpan.FromMinutes(10)) // a hang guard, not a speed limit
                await Task.Delay(10, TestContext.Current.CancellationToken);
            if (first.HasExited)
                Assert.Fail("the first run ended before the second could start: " + await first.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
            var journalBefore = File.ReadAllLines(journal).First();

            var line = Cli.AssertUserError(Cli.Run("bench", "--suite", suite, "--output", output, "--cpu-only"));
            Assert.Contains("is in use by another `maxk bench` run", line);
            Assert.Contains("give this one another --output", line);
            Assert.Equal(journalBefore, File.ReadAllLines(journal).First());
            Assert.Empty(Directory.GetFiles(output, "*.json", SearchOption.AllDirectories));
        }
        finally
        {
            if (!first.HasExited)
                first.Kill(entireProcessTree: false); // SIGKILL: the kernel drops the flock with the process
            await first.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        OutputFolderLock.Acquire(output).Dispose();
    }

    [Fact]
    public void ARunWithoutResumeSaysItDiscardsAnOldJournal()
    {
        using var dir = new ScratchFolder();
        var suite = dir.File("tiny.json");
        File.WriteAllText(suite, ShardMergeTests.TinySuite);
        var output = dir.File("out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "tiny.journal.jsonl"), "{\"type\":\"header\",\"suite\":\"tiny\",\"suite_hash\":\"0\"}\n{\"type\":\"case\",\"id\":\"a\"}\n");
        var (exit, text, error) = Cli.Run("bench", "--suite", suite, "--output", output, "--cpu-only", "--runs", "1", "--warmup", "0");
        Assert.True(exit == 0, error);
        Assert.Contains("Starting over: the journal of an earlier, unfinished run", text);
        Assert.Contains("1 finished case(s)) is replaced; run with --resume to continue it instead.", text);
    }
}
