namespace MaxK.Harness.Results;

/// <summary>Provenance of a run (snake_case in JSON): what ran, where, with which software, and when (UTC).</summary>
public sealed record RunManifest
{
    public required string Suite { get; init; }
    public required string HarnessCommit { get; init; }
    public required bool HarnessDirty { get; init; }
    public required string Host { get; init; }
    public required string Cpu { get; init; }
    public required int LogicalCpus { get; init; }
    public required long MemoryBytes { get; init; }
    public required string Os { get; init; }
    public required string Dotnet { get; init; }
    public required string TorchSharp { get; init; }
    public string? Gpu { get; init; }
    public int GpuCount { get; init; }
    public int? CudaDriverVersion { get; init; }
    public string? GpuUnavailableReason { get; init; }
    public required ulong Seed { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public DateTimeOffset? FinishedUtc { get; init; }
}
