using System.Diagnostics;

namespace MaxK.Harness.Ci;

/// <summary>
/// Runs a test project with <c>dotnet test</c> (already built: --no-build) and shows its progress through
/// <see cref="TestProgress"/>: failures in full, passed tests as a count every <see cref="Interval"/>. The xUnit XML
/// reports go to the results folder for <see cref="TestRunSummary"/>.
/// </summary>
public static class TestRun
{
    /// <summary>How often a progress line comes at the latest.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The arguments of <c>dotnet</c>: per-test lines without colours or a live bar; a test's standard output shown (the
    /// figures tests print, such as accuracies), its error output only when it failed; reports as xUnit XML.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string project, string configuration, string resultsDirectory) =>
    [
        "test", "--project", project, "--configuration", configuration, "--no-build", "--results-directory", resultsDirectory,
        "--output", "Detailed", "--no-ansi", "--progress", "off", "--show-stderr", "Failed", "--report-xunit-xml",
    ];

    /// <summary>Runs the tests; returns dotnet test's exit code (0 when every test passed).</summary>
    public static int Run(string project, string configuration, string resultsDirectory, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in Arguments(project, configuration, resultsDirectory))
            start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        var gate = new Lock();
        var progress = new TestProgress(output, Interval, () => clock.Elapsed);
        void Feed(string? line)
        {
            if (line is null)
                return;
            lock (gate)
                progress.Line(line);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new HarnessException("Could not start dotnet test.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new HarnessException($"Could not start 'dotnet test': {ex.Message}", ex);
        }
        int exit;
        using (process)
        using (var timer = new Timer(_ => { lock (gate) progress.Tick(); }, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)))
        {
            process.OutputDataReceived += (_, e) => Feed(e.Data);
            process.ErrorDataReceived += (_, e) => Feed(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.WaitForExit();
            exit = process.ExitCode;
        }
        lock (gate)
            output.WriteLine(progress.Report());
        return exit;
    }
}
