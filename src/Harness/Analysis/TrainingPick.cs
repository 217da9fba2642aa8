using MaxK.Harness.Vocabulary;
using MaxK.Harness.Results;

namespace MaxK.Harness.Analysis;

/// <summary>A training record with the run it came from.</summary>
public sealed record TrainingPick(TrainingRecord Record, AnalysisRun Run)
{
    /// <summary>The ReLU baseline named in the record (<see cref="TrainingBaselines"/>), from the same run.</summary>
    public TrainingPick? Baseline => Record.SpeedupBaseline is { } id && Run.Training.FirstOrDefault(t => t.Id == id) is { } b ? new TrainingPick(b, Run) : null;

    /// <summary>The ReLU record of the same run and setting (dataset, model, hidden, layers, seed) on <paramref name="backend"/>, timed.</summary>
    public TrainingPick? Relu(string backend) => Run.Training.FirstOrDefault(t => t.Backend == backend && t.Nonlinearity == "relu" && t.Error is null
        && t.EpochMsMedian is > 0 && t.Dataset == Record.Dataset && t.Model == Record.Model && t.Hidden == Record.Hidden && t.Layers == Record.Layers
        && t.Seed == Record.Seed) is { } r ? new TrainingPick(r, Run) : null;
}

/// <summary>
/// A training configuration: what a headline row stands for (GPU, dataset, model, nonlinearity, k, backend, width,
/// depth). Seeds are not part of it: a row shows the newest run's timing and the accuracy over every seed.
/// </summary>
public sealed record TrainingConfig(string Gpu, string Dataset, string Model, string Nonlinearity, int? K, string Backend, int Hidden, int Layers)
{
    public static TrainingConfig Of(TrainingRecord r, string gpu) => new(gpu, r.Dataset, r.Model, r.Nonlinearity, r.K, r.Backend, r.Hidden, r.Layers);

    public bool IsMaxk => Nonlinearity == "maxk";
}
