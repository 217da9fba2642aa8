using MaxK.Harness.Results;

namespace MaxK.Harness.Suites;

/// <summary>What a suite runs on this host (all cases, in order, before sharding) and which sections it leaves out, with why.</summary>
public sealed record SuiteRunPlan(SuiteDefinition Suite, IReadOnlyList<SuiteCase> Cases, IReadOnlyList<SkippedWork> Skipped);
