using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace MaxK.Harness.Runner;

/// <summary>
/// Progress of a suite run with an ETA: a Spectre.Console progress bar on an interactive terminal, plain lines
/// ("[ 3/40] id  12.345 ms  verified  ETA 0:42") when output is redirected or in CI.
/// </summary>
public abstract class RunProgress
{
    /// <summary>The Spectre bar when <paramref name="log"/> is the console of an interactive terminal outside CI, else plain lines.</summary>
    public static RunProgress For(TextWriter log)
    {
        var interactive = ReferenceEquals(log, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null
            && AnsiConsole.Profile.Capabilities.Interactive;
        return interactive ? new SpectreProgress() : new PlainProgress(log);
    }

    /// <summary>
    /// Runs <paramref name="step"/> for each item of <paramref name="names"/>; step gets the item's index and the writer for
    /// its detail (muted under the bar) and returns the item's one-line outcome.
    /// </summary>
    public abstract void Run(IReadOnlyList<string> names, Func<int, TextWriter, string> step);

    /// <summary>"m:ss" (or "h:mm:ss") for a remaining time.</summary>
    public static string Eta(TimeSpan remaining) =>
        remaining.TotalHours >= 1 ? remaining.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : remaining.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    private sealed class PlainProgress(TextWriter log) : RunProgress
    {
        public override void Run(IReadOnlyList<string> names, Func<int, TextWriter, string> step)
        {
            var clock = Stopwatch.StartNew();
            var count = names.Count;
            for (var i = 0; i < count; i++)
            {
                var outcome = step(i, log);
                var done = i + 1;
                var eta = TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / done * (count - done));
                log.WriteLine($"[{done,3}/{count}] {names[i],-62} {outcome}  ETA {Eta(eta)}");
            }
        }
    }

    private sealed class SpectreProgress : RunProgress
    {
        public override void Run(IReadOnlyList<string> names, Func<int, TextWriter, string> step)
        {
            var count = names.Count;
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("suite", maxValue: Math.Max(1, count));
                    for (var i = 0; i < count; i++)
                    {
                        task.Description = Markup.Escape(names[i]);
                        var outcome = step(i, TextWriter.Null);
                        AnsiConsole.MarkupLine(Markup.Escape($"[{i + 1,3}/{count}] {names[i],-62} {outcome}"));
                        task.Increment(1);
                    }
                });
        }
    }
}
