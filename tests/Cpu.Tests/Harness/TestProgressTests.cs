using MaxK.Harness.Ci;

namespace MaxK.Tests.Harness;

/// <summary>
/// The progress of ./build.sh Test (maxk ci run-tests): at c08d25c a run was silent for minutes; now passed tests are
/// counted, failures pass through in full, and a progress line comes at least every interval.
/// </summary>
public class TestProgressTests
{
    private sealed class FakeClock
    {
        public TimeSpan Now { get; set; }
    }

    private static (TestProgress Progress, StringWriter Output, FakeClock Clock) Create()
    {
        var output = new StringWriter();
        var clock = new FakeClock();
        return (new TestProgress(output, TimeSpan.FromSeconds(20), () => clock.Now), output, clock);
    }

    [Fact]
    public void PassedTestsAreCountedFailuresPassThroughAndProgressComesEveryInterval()
    {
        var (progress, output, clock) = Create();
        progress.Line("Running tests from /x/Cpu.Tests.dll (net10.0|x64)");
        clock.Now = TimeSpan.FromSeconds(1);
        progress.Line("passed MaxK.Tests.A.One (12ms)");
        progress.Line("  from /x/Cpu.Tests.dll (net10.0|x64)");
        clock.Now = TimeSpan.FromSeconds(5);
        progress.Line("passed MaxK.Tests.A.Two (3ms)");
        progress.Line("  from /x/Cpu.Tests.dll (net10.0|x64)");
        progress.Line("failed MaxK.Tests.B.Three (40ms)");
        progress.Line("  from /x/Cpu.Tests.dll (net10.0|x64)");
        progress.Line("  Assert.Equal() Failure");
        progress.Line("skipped MaxK.Tests.C.Four (0ms)");
        clock.Now = TimeSpan.FromSeconds(30);
        progress.Line("passed MaxK.Tests.D.Five(variant: \"a (b)\") (1ms)");
        progress.Line("  from /x/Cpu.Tests.dll (net10.0|x64)");
        progress.Line("  Standard output");
        progress.Line("    accuracy 80.90 %");
        progress.Line("    ");
        progress.Line("  Error output");
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(
        [
            "Running tests from /x/Cpu.Tests.dll (net10.0|x64)",
            "failed MaxK.Tests.B.Three (40ms)",
            "  from /x/Cpu.Tests.dll (net10.0|x64)",
            "  Assert.Equal() Failure",
            "skipped MaxK.Tests.C.Four (0ms)",
            "tests: 5 finished (3 passed, 1 failed, 1 skipped) after 0:30, last MaxK.Tests.D",
            "  MaxK.Tests.D.Five(variant: \"a (b)\"): accuracy 80.90 %",
        ], lines);
    }

    [Fact]
    public void ATickReportsWhenNoTestFinishedForAnInterval()
    {
        var (progress, output, clock) = Create();
        progress.Line("passed MaxK.Tests.A.One (12ms)");
        clock.Now = TimeSpan.FromSeconds(19);
        progress.Tick();
        Assert.Equal("", output.ToString());
        clock.Now = TimeSpan.FromSeconds(21);
        progress.Tick();
        Assert.Equal("tests: 1 finished (1 passed, 0 failed, 0 skipped) after 0:21, last MaxK.Tests.A", output.ToString().Trim());
        clock.Now = TimeSpan.FromSeconds(30);
        progress.Tick(); // within the interval of the last report
        Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void TheRunAsksForPerTestLinesWithoutColoursAndKeepsTheXmlReport()
    {
        var args = TestRun.Arguments("p.csproj", "Release", "out");
        Assert.Equal(["test", "--project", "p.csproj", "--configuration", "Release", "--no-build", "--results-directory", "out"], args.Take(8));
        Assert.Contains("--no-ansi", args);
        Assert.Contains("--report-xunit-xml", args);
        Assert.Equal("Detailed", args[args.ToList().IndexOf("--output") + 1]);
    }
}
