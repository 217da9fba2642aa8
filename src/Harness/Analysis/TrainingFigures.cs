using MaxK.Harness.Vocabulary;
using MaxK.Harness.Results;

namespace MaxK.Harness.Analysis;

/// <summary>
/// The training figures headline tables and claims use, from headline runs only (<see cref="RunRole.Headline"/>): per
/// configuration (<see cref="TrainingConfig"/>) the timing of the newest headline run that trained it (the record with the
/// most epochs there, then the lowest seed), and the accuracy over the newest record of every seed
/// (<see cref="AccuracyParity"/>). Speed-ups and Amdahl figures are against the ReLU baseline of the same run and seed.
/// </summary>
public sealed class TrainingFigures
{
    private readonly List<AnalysisRun> _headline;

    public TrainingFigures(IEnumerable<AnalysisRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        _headline = [.. AnalysisRun.NewestFirst(runs.Where(r => r.Role == RunRole.Headline))];
    }

    private static bool Timed(TrainingRecord t) => t.Error is null && t.EpochMsMedian is > 0;

    private IEnumerable<TrainingPick> All(string gpu) =>
        _headline.Where(r => r.Gpu == gpu).SelectMany(r => r.Training.Where(Timed).Select(t => new TrainingPick(t, r)));

    /// <summary>GPUs (or "CPU only") with training in a headline run, ordinal order.</summary>
    public IReadOnlyList<string> Gpus => [.. _headline.Where(r => r.Training.Any(Timed)).Select(r => r.Gpu).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Every configuration trained on <paramref name="gpu"/> in a headline run, ordered by dataset, model, nonlinearity, k, backend.</summary>
    public IReadOnlyList<TrainingConfig> Configs(string gpu) =>
        [.. All(gpu).Select(p => TrainingConfig.Of(p.Record, gpu)).Distinct()
            .OrderBy(c => c.Dataset, StringComparer.Ordinal).ThenBy(c => c.Model, StringComparer.Ordinal).ThenBy(c => c.IsMaxk)
            .ThenBy(c => c.K ?? 0).ThenBy(c => c.Backend, StringComparer.Ordinal).ThenBy(c => c.Hidden).ThenBy(c => c.Layers)];

    /// <summary>
    /// The timing record of a configuration: from the newest headline run that has it, the record with the most baselines
    /// beside it in that run (ReLU on cuSPARSE, then on the GNNAdvisor-style kernel, same seed), then the most epochs, then
    /// the lowest seed.
    /// </summary>
    public TrainingPick? Timing(TrainingConfig config)
    {
        var matches = All(config.Gpu).Where(p => TrainingConfig.Of(p.Record, config.Gpu) == config).ToList();
        if (matches.Count == 0)
            return null;
        var newest = matches[0].Run;
        return matches.Where(p => ReferenceEquals(p.Run, newest))
            .OrderByDescending(p => (p.Baseline is null ? 0 : 1) + (p.Relu(GnnAdvisorBackend) is null ? 0 : 1))
            .ThenByDescending(p => p.Record.Epochs).ThenBy(p => p.Record.Seed).First();
    }

    /// <summary>The newest headline record of every seed of a configuration, by seed.</summary>
    public IReadOnlyList<TrainingPick> PerSeed(TrainingConfig config) =>
        [.. All(config.Gpu).Where(p => TrainingConfig.Of(p.Record, config.Gpu) == config).GroupBy(p => p.Record.Seed).Select(g => g.First()).OrderBy(p => p.Record.Seed)];

    /// <summary>MaxK against its ReLU baseline (the same run's, same seed) over every seed; <see cref="AccuracyParity.None"/> for a ReLU configuration.</summary>
    public AccuracyParity Parity(TrainingConfig config)
    {
        if (!config.IsMaxk)
            return AccuracyParity.None;
        var converged = new List<SeedDelta>();
        var unconverged = new List<SeedDelta>();
        foreach (var maxk in PerSeed(config))
        {
            if (maxk.Baseline is not { } relu || maxk.Record.TestAccuracy is null || relu.Record.TestAccuracy is null)
                continue;
            var a = TrainingConvergence.Of(maxk.Record);
            var b = TrainingConvergence.Of(relu.Record);
            if (a == ConvergenceStatus.TimingOnly || b == ConvergenceStatus.TimingOnly)
                continue;
            (a == ConvergenceStatus.Converged && b == ConvergenceStatus.Converged ? converged : unconverged).Add(new SeedDelta(maxk.Record.Seed, maxk, relu));
        }
        return new AccuracyParity(converged, unconverged);
    }

    /// <summary>The newest headline PyG (peer) record timed on the same GPU, dataset, model, width and depth (ReLU), any seed.</summary>
    public TrainingPick? Pyg(string gpu, string dataset, string model, int hidden, int layers) =>
        All(gpu).FirstOrDefault(p => p.Record.Backend == PygBackend && p.Record.Dataset == dataset && p.Record.Model == model && p.Record.Hidden == hidden
            && p.Record.Layers == layers);

    /// <summary>Training backends as records spell them (<see cref="TrainingBackend"/>'s words): the PyG peer, our MaxK kernels, the GNNAdvisor-style ReLU baseline.</summary>
    public static string PygBackend { get; } = TrainingBackend.Pyg.Word();
    public static string MaxkBackend { get; } = TrainingBackend.MaxK.Word();
    public static string GnnAdvisorBackend { get; } = TrainingBackend.GnnAdvisor.Word();
}
