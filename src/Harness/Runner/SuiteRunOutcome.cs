using MaxK.Harness.Results;

namespace MaxK.Harness.Runner;

/// <summary>The assembled result of a suite run, where it was written, and how many of its cases failed.</summary>
public sealed record SuiteRunOutcome(RunResult Result, string Path, int Failed, int Resumed, int Ran)
{
    /// <summary>Cases left for a later --resume because the run's time limit was reached (listed in the result's skipped work).</summary>
    public int NotRun { get; init; }
}
