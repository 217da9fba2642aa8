using MaxK.Harness.Results;

namespace MaxK.Harness.Runner;

/// <summary>
/// One line of a run journal. The first line is the header (<see cref="Type"/> "header": suite, suite hash, shard,
/// start time); every later line is one finished case: "case" (kernel record), "training" (training record) or
/// "skipped" (a case that could not run here, e.g. its dataset is missing).
/// </summary>
public sealed record JournalEntry
{
    public required string Type { get; init; }
    public string? Id { get; init; }
    public string? Suite { get; init; }
    public string? SuiteHash { get; init; }
    public string? Shard { get; init; }
    public DateTimeOffset? StartedUtc { get; init; }
    public CaseRecord? Case { get; init; }
    public TrainingRecord? Training { get; init; }
    public SkippedWork? Skipped { get; init; }
}
