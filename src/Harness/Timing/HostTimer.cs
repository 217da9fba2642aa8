using System.Diagnostics;

namespace MaxK.Harness.Timing;

/// <summary>Wall-clock timing of CPU work: warm-up runs (discarded), then timed runs, each sample in ms.</summary>
public static class HostTimer
{
    public static IReadOnlyList<double> Measure(Action action, int warmupRuns, int timedRuns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timedRuns, 1);
        for (var i = 0; i < warmupRuns; i++)
            action();
        var samples = new double[timedRuns];
        for (var i = 0; i < timedRuns; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return samples;
    }
}
