using MaxK.Harness.Vocabulary;
using MaxK.Torch;
using MaxK.Training.Models;

namespace MaxK.Harness.Training;

/// <summary>
/// One training case as `maxk train` and the training suites describe it. Null fields take the dataset's defaults
/// (<see cref="MaxK.Training.DatasetDefaults"/>). <see cref="Backend"/> null picks the default for the device and
/// nonlinearity (<see cref="TrainingBackendFacts.Default"/>): cpu → cpu-reference; cuda + relu → cusparse; cuda + maxk → maxk.
/// </summary>
public sealed record TrainingRunSpec
{
    public required string Dataset { get; init; }
    public string? DataDir { get; init; }
    public GnnArchitecture Model { get; init; } = GnnArchitecture.Sage;
    public Nonlinearity Nonlinearity { get; init; } = Nonlinearity.Relu;
    public int? K { get; init; }
    public int? Hidden { get; init; }
    public int? Layers { get; init; }
    public int? Epochs { get; init; }
    public long Seed { get; init; } = 97;
    public TorchDevice Device { get; init; } = TorchDevice.Cpu;

    /// <summary>One of our backends (<see cref="TrainingBackendFacts.Ours"/>); null for the default (see the type's summary).</summary>
    public TrainingBackend? Backend { get; init; }
    public double? LearningRate { get; init; }
    public double? Dropout { get; init; }
    public double? WeightDecay { get; init; }
    public double? InputDropout { get; init; }
    public bool LayerNorm { get; init; } = true;

    /// <summary>Leading epochs left out of the timing statistics; null = 1 on CPU, 3 on CUDA (always fewer than the epochs).</summary>
    public int? WarmupEpochs { get; init; }

    /// <summary>Libtorch folder override (else MAXK_LIBTORCH / package / python3's torch).</summary>
    public string? LibTorch { get; init; }
}
