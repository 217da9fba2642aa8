using System.Globalization;

namespace MaxK.Harness.Ci;

/// <summary>
/// Progress of a test run, from the per-test lines of <c>dotnet test --output Detailed</c> (Microsoft.Testing.Platform:
/// "passed Name (12ms)", "failed …", "skipped …", each followed by an indented block: "  from &lt;assembly&gt;", the
/// message and stack of a failure, the test's "Standard output"). A passed test is counted, not printed, except for what
/// it wrote to standard output (figures such as an accuracy), shown as "  Name: line"; every other line (failures with
/// their messages and stacks, skips, the final summary) passes through unchanged. A progress line — "tests: 212
/// finished (210 passed, 0 failed, 2 skipped) after 1:05, last Namespace.Class" — comes at most every
/// <see cref="Interval"/>, and from <see cref="Tick"/> when no test finished for that long, so a long run is never
/// silent for more than an interval. Not thread-safe: the caller serialises calls.
/// </summary>
public sealed class TestProgress(TextWriter output, TimeSpan interval, Func<TimeSpan> elapsed)
{
    private TimeSpan _lastReport;
    private string? _passedTest;
    private string? _lastClass;

    public TimeSpan Interval { get; } = interval;
    public int Passed { get; private set; }
    public int Failed { get; private set; }
    public int Skipped { get; private set; }
    public int Finished => Passed + Failed + Skipped;

    /// <summary>One line of the test run's output.</summary>
    public void Line(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (_passedTest is not null)
        {
            if (line.Length == 0 || line[0] == ' ')
            {
                var text = line.Trim();
                if (text.Length > 0 && !text.StartsWith("from ", StringComparison.Ordinal) && text is not ("Standard output" or "Error output"))
                    output.WriteLine($"  {_passedTest}: {text}");
                return;
            }
            _passedTest = null;
        }
        if (Outcome(line, "passed ") is { } passed)
        {
            Passed++;
            _lastClass = passed.Class;
            _passedTest = passed.Test;
            ReportIfDue();
            return;
        }
        if (Outcome(line, "failed ") is { } failed)
        {
            Failed++;
            _lastClass = failed.Class;
        }
        else if (Outcome(line, "skipped ") is { } skipped)
        {
            Skipped++;
            _lastClass = skipped.Class;
        }
        output.WriteLine(line);
    }

    /// <summary>Called periodically: reports when the last report is at least an interval old.</summary>
    public void Tick() => ReportIfDue();

    /// <summary>The progress line as it stands.</summary>
    public string Report() => string.Create(CultureInfo.InvariantCulture,
        $"tests: {Finished} finished ({Passed} passed, {Failed} failed, {Skipped} skipped) after {Clock(elapsed())}")
        + (_lastClass is null ? "" : $", last {_lastClass}");

    private void ReportIfDue()
    {
        var now = elapsed();
        if (now - _lastReport < Interval)
            return;
        _lastReport = now;
        output.WriteLine(Report());
    }

    /// <summary>The test's name and class ("Namespace.Class") when <paramref name="line"/> is an outcome line of that kind, else null.</summary>
    private static (string Test, string Class)? Outcome(string line, string prefix)
    {
        if (!line.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var test = line[prefix.Length..];
        var duration = test.LastIndexOf(" (", StringComparison.Ordinal);
        test = (duration > 0 ? test[..duration] : test).Trim();
        var arguments = test.IndexOf('(', StringComparison.Ordinal);
        var method = arguments > 0 ? test[..arguments] : test;
        var dot = method.LastIndexOf('.');
        return (test, dot > 0 ? method[..dot] : method);
    }

    private static string Clock(TimeSpan t) =>
        t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
