namespace MaxK.Harness.Peers;

/// <summary>The JSON that pyg_train.py writes (snake_case): its versions, per-epoch times and accuracy curves.</summary>
public sealed record PygResult
{
    public required string PygVersion { get; init; }
    public string? TorchVersion { get; init; }
    public required string Device { get; init; }
    public string? Gpu { get; init; }
    public required string Model { get; init; }
    public required int Hidden { get; init; }
    public required int Layers { get; init; }
    public required int Epochs { get; init; }
    public int WarmupEpochs { get; init; }
    public required IReadOnlyList<double> EpochMs { get; init; }
    public double? TestAccuracy { get; init; }
    public int? BestEpoch { get; init; }
    public double? BestValAccuracy { get; init; }
    public IReadOnlyList<double>? ValCurve { get; init; }
    public IReadOnlyList<double>? TestCurve { get; init; }

    /// <summary>"maxk-export" (the harness's files) or "pyg-planetoid:&lt;Name&gt;" (PyG's own Planetoid loader, checked equal); null from older scripts.</summary>
    public string? DataSource { get; init; }
}
