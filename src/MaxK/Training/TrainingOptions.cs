namespace MaxK.Training;

/// <summary>Optimisation settings of a full-graph training run (Adam, no schedule).</summary>
/// <param name="Epochs">Number of epochs (one full-graph forward and backward each), ≥ 1.</param>
/// <param name="LearningRate">Adam's learning rate.</param>
/// <param name="WeightDecay">Adam's L2 weight decay (0 in the paper's scripts).</param>
/// <param name="Seed">Seeds torch's generator (parameters, dropout) before the model is built.</param>
public sealed record TrainingOptions(int Epochs, double LearningRate = 0.01, double WeightDecay = 0, long Seed = 97)
{
    public void Validate()
    {
        if (Epochs < 1)
            throw new ArgumentException($"--epochs must be at least 1, got {Epochs}.");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            throw new ArgumentException($"--lr must be positive and finite, got {LearningRate}.");
        if (!(WeightDecay >= 0) || double.IsInfinity(WeightDecay))
            throw new ArgumentException($"--weight-decay must be non-negative and finite, got {WeightDecay}.");
    }
}
