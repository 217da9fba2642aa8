namespace MaxK.Harness.Suites;

/// <summary>What a suite will run on this host, and what it leaves out with the reason.</summary>
public sealed record SuitePlan(string Suite, IReadOnlyList<KernelCase> Cases, IReadOnlyList<SkippedWork> Skipped);
