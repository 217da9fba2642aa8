using MaxK.Harness.Results;

namespace MaxK.Harness.Runner;

/// <summary>The assembled result of a suite run, where it was written, and how many of its cases failed.</summary>
public sealed record SuiteRunOutcome(RunResult Result, string Path, int Failed, int Resumed, int Ran);
