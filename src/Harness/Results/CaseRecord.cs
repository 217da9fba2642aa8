namespace MaxK.Harness.Results;

/// <summary>
/// One case in a result file (snake_case in JSON). The field names <c>kernel, graph, nodes, edges, dim, k,
/// median_ms, verified, gpu</c> are fixed so that outside tools can read them. Times are milliseconds.
/// </summary>
public sealed record CaseRecord
{
    public required string Id { get; init; }
    public required string Kernel { get; init; }
    public required string Implementation { get; init; }
    public required string Device { get; init; }
    public required string Graph { get; init; }
    public required bool GraphSynthetic { get; init; }
    public required string GraphLabel { get; init; }
    public required int Nodes { get; init; }
    public required long Edges { get; init; }
    public required int Dim { get; init; }
    public required int K { get; init; }
    public required string Dtype { get; init; }
    public required ulong Seed { get; init; }
    public required bool Verified { get; init; }
    public required string VerificationReference { get; init; }
    public required double VerificationRelativeError { get; init; }
    public required double VerificationTolerance { get; init; }
    public required int Warmup { get; init; }
    public required int N { get; init; }
    public double? MedianMs { get; init; }
    public double? MinMs { get; init; }
    public double? MaxMs { get; init; }
    public double? MeanMs { get; init; }
    public double? StddevMs { get; init; }
    public double? MedianCi95LowMs { get; init; }
    public double? MedianCi95HighMs { get; init; }
    public double? GbPerS { get; init; }
    public long BytesModeled { get; init; }
    public string? SpeedupBaseline { get; init; }
    public double? Speedup { get; init; }
    public required IReadOnlyList<double> SamplesMs { get; init; }
    public string? Gpu { get; init; }
    public string? Error { get; init; }
}
