using System.Diagnostics;
using MaxK.Harness.Results;

namespace MaxK.Tests.Runner;

/// <summary>
/// `maxk bench` killed with SIGKILL midway (as a child process: dotnet maxk.dll), then run again with --resume: every
/// case of the suite is in the result exactly once, the ones finished before the kill taken from the journal.
/// </summary>
public class ResumeAfterKillTests
{
    private const string SlowSuite = """
        {
          "suite": "killme",
          "sections": [
            { "name": "k", "kind": "kernel", "graphs": ["tiny-rmat"], "dims": [64, 128, 256], "ks": [16], "runs": 100, "warmup": 0 }
          ]
        }
        """;

    private static Process Start(string suite, string output, bool resume)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "maxk.dll"), "bench", "--suite", suite, "--output", output, "--cpu-only" })
            info.ArgumentList.Add(a);
        if (resume)
            info.ArgumentList.Add("--resume");
        info.Environment["CI"] = "1";
        return Process.Start(info)!;
    }

    private static string? LastError;

    private static int Lines(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Count(ch => ch == '\n');
        }
        catch (IOException ex)
        {
            LastError = ex.Message;
            return 0;
        }
    }

    [Fact]
    public async Task KilledRunResumesWithNoCaseLostOrDuplicated()
    {
        using var dir = new ScratchFolder();
        var suite = dir.File("killme.json");
        File.WriteAllText(suite, SlowSuite);
        var output = dir.File("out");
        var journal = Path.Combine(output, "killme.journal.jsonl");
        const int total = 12; // 3 D × (dense + select + forward + backward)

        using (var first = Start(suite, output, resume: false))
        {
            var clock = Stopwatch.StartNew();
            // Header + at least one finished case.
            while (Lines(journal) < 3 && !first.HasExited && clock.Elapsed < TimeSpan.FromMinutes(10)) // a hang guard, not a speed limit
                await Task.Delay(5, TestContext.Current.CancellationToken);
            if (first.HasExited)
                Assert.Fail("the suite finished before it could be killed: " + await first.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken));
            first.Kill(entireProcessTree: false); // SIGKILL on Linux
            await first.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        var finished = Lines(journal) - 1;
        Assert.True(finished is >= 1 and < total, $"{finished} cases in the journal ({LastError}): " + string.Join(", ", Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories)));
        Assert.Empty(Directory.GetFiles(output, "*.json", SearchOption.AllDirectories));

        using var second = Start(suite, output, resume: true);
        var text = await second.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await second.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(second.ExitCode == 0, text + await second.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        Assert.Contains($"{finished} already in the journal, {total - finished} to run", text);

        var file = Assert.Single(Directory.GetFiles(output, "killme.json", SearchOption.AllDirectories));
        var result = ResultJson.Read(file);
        Assert.Equal(total, result.Cases.Count);
        Assert.Equal(total, result.Cases.Select(c => c.Id).Distinct().Count());
        Assert.All(result.Cases, c => Assert.True(c.Verified, c.Id));
        Assert.False(File.Exists(journal));
    }
}
