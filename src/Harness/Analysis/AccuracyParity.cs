using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Analysis;

/// <summary>One seed of an accuracy comparison: the MaxK run and its ReLU baseline from the same run file.</summary>
public sealed record SeedDelta(long Seed, TrainingPick Maxk, TrainingPick Relu)
{
    /// <summary>MaxK's test metric minus ReLU's (a fraction).</summary>
    public double Delta => Maxk.Record.TestAccuracy!.Value - Relu.Record.TestAccuracy!.Value;
}

/// <summary>
/// Accuracy parity of a MaxK configuration against its ReLU baseline over every seed recorded in headline runs: the
/// mean change over the seeds where both runs converged (<see cref="TrainingConvergence"/>), and how many seeds were
/// left out as unconverged.
/// </summary>
public sealed record AccuracyParity(IReadOnlyList<SeedDelta> Converged, IReadOnlyList<SeedDelta> Unconverged)
{
    /// <summary>Mean MaxK − ReLU test metric over the converged seeds (fraction), or null when none converged.</summary>
    public double? MeanDelta => Converged.Count == 0 ? null : Converged.Average(s => s.Delta);

    public string Metric => Converged.Concat(Unconverged).Select(s => s.Maxk.Record.Metric).FirstOrDefault() ?? "accuracy";

    /// <summary>True when any seed compared at all (converged or not).</summary>
    public bool Any => Converged.Count + Unconverged.Count > 0;

    /// <summary>The runs the figure comes from (ordinal, distinct).</summary>
    public IReadOnlyList<string> Sources => [.. Converged.SelectMany(s => new[] { s.Maxk.Run.Path, s.Relu.Run.Path }).Distinct().Order(StringComparer.Ordinal)];

    public static AccuracyParity None { get; } = new([], []);
}
