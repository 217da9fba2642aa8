using MaxK.Harness.Vocabulary;
using MaxK.Harness.Results;

namespace MaxK.Harness.Analysis;

/// <summary>
/// The end-to-end goals this project tracks (they replace "85 % of the Amdahl limit", which the loads-only floors showed
/// is beyond this fp32 CBSR design):
/// (a) the measured MaxK epoch reaches at least <see cref="CeilingShareTarget"/> of the floor-based ceiling
/// (<see cref="AttainmentCeiling.MeasuredShare"/>: nothing lost outside the kernels);
/// (b) a MaxK epoch is at least <see cref="PygSpeedupTarget"/> times faster than PyTorch Geometric's ReLU epoch on the
/// same GPU, graph, model, width and depth. Both are shown for MaxK runs only.
/// </summary>
public static class EndToEndGoals
{
    /// <summary>Goal (a): floor epoch / measured epoch ≥ 95 %.</summary>
    public const double CeilingShareTarget = 0.95;

    /// <summary>Goal (b): PyG epoch / MaxK epoch ≥ 6.</summary>
    public const double PygSpeedupTarget = 6.0;

    /// <summary>
    /// Goal (a) per MaxK configuration of a GPU: the newest run of any role whose file has the loads-only floor cases for
    /// it (the floors come from diagnostic runs; the page names the run and its role).
    /// </summary>
    public static IReadOnlyList<CeilingGoal> Ceilings(IEnumerable<AnalysisRun> runs, string gpu)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var goals = new List<CeilingGoal>();
        foreach (var run in AnalysisRun.NewestFirst(runs.Where(r => r.Gpu == gpu)))
        {
            foreach (var r in run.Training.Where(t => t.Nonlinearity == "maxk" && t.Error is null && t.EpochMsMedian is > 0))
            {
                var pick = new TrainingPick(r, run);
                if (pick.Baseline is not { } b || CeilingEstimator.Estimate(r, b.Record, run.Result) is not { } ceiling)
                    continue;
                var config = TrainingConfig.Of(r, gpu);
                if (goals.All(g => TrainingConfig.Of(g.Maxk.Record, gpu) != config))
                    goals.Add(new CeilingGoal(pick, ceiling));
            }
        }
        return [.. goals.OrderBy(g => g.Maxk.Record.Dataset, StringComparer.Ordinal).ThenBy(g => g.Maxk.Record.Model, StringComparer.Ordinal).ThenBy(g => g.Maxk.Record.K)];
    }

    /// <summary>Goal (b) per MaxK configuration of a GPU with a PyG peer record on the same graph and model (headline runs).</summary>
    public static IReadOnlyList<PygGoal> PygSpeedups(TrainingFigures figures, string gpu)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var goals = new List<PygGoal>();
        foreach (var config in figures.Configs(gpu).Where(c => c.IsMaxk))
        {
            if (figures.Timing(config) is { } maxk && figures.Pyg(gpu, config.Dataset, config.Model, config.Hidden, config.Layers) is { } pyg)
                goals.Add(new PygGoal(maxk, pyg));
        }
        return goals;
    }
}

/// <summary>Goal (a) for one MaxK run: its attainment ceiling and the measured epoch's share of it.</summary>
public sealed record CeilingGoal(TrainingPick Maxk, AttainmentCeiling Ceiling)
{
    public double Share => Ceiling.MeasuredShare;
    public bool Met => Share >= EndToEndGoals.CeilingShareTarget;
}

/// <summary>Goal (b) for one MaxK run: PyG's ReLU epoch over the MaxK epoch.</summary>
public sealed record PygGoal(TrainingPick Maxk, TrainingPick Pyg)
{
    public double Speedup => Pyg.Record.EpochMsMedian!.Value / Maxk.Record.EpochMsMedian!.Value;
    public bool Met => Speedup >= EndToEndGoals.PygSpeedupTarget;
}
