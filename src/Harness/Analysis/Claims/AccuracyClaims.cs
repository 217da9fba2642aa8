using System.Globalization;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Paper;

namespace MaxK.Harness.Analysis.Claims;

/// <summary>
/// Accuracy parity (design §6.3): the paper's change of the test metric with MaxK against ReLU per dataset, beside ours
/// (<see cref="AccuracyParity"/>: the mean over every converged seed of headline runs, MaxK against the ReLU run of the
/// same file and seed). Datasets we trained that the paper has no figure for get a row against the paper's general
/// claim of parity (a change of 0).
/// </summary>
internal static class AccuracyClaims
{
    private const string Protocol = "test metric at the best-validation epoch, mean over converged seeds";

    public static IEnumerable<ClaimRow> Build(ClaimContext ctx)
    {
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in ctx.Paper.EndToEnd.Where(e => e.DeltaAccuracy is not null))
        {
            foreach (var ds in ctx.Paper.OursFor(e.Dataset))
                covered.Add(ds);
            yield return Row(ctx, $"accuracy-{EndToEndClaims.Slug(e.Dataset)}-{e.Model}-k{e.K}",
                $"Accuracy change with MaxK against ReLU: {e.Dataset}, {EndToEndClaims.Model(e.Model)}, k = {e.K}", e.DeltaAccuracy, e.Source, e.Dataset,
                gpu => Measure(ctx, gpu, ctx.Paper.OursFor(e.Dataset), e.Model, e.K, e.Dataset));
        }
        // Our other datasets (e.g. Cora, CiteSeer): one row per model and k with a converged comparison on some GPU.
        var others = ctx.Gpus.SelectMany(gpu => ctx.Training.Configs(gpu).Where(c => c.IsMaxk && c.Backend == TrainingFigures.MaxkBackend && !covered.Contains(c.Dataset)
                && ctx.Training.Parity(c).MeanDelta is not null))
            .Select(c => (c.Dataset, c.Model, K: c.K ?? 0)).Distinct().OrderBy(x => x.Dataset, StringComparer.Ordinal).ThenBy(x => x.Model, StringComparer.Ordinal).ThenBy(x => x.K);
        foreach (var (dataset, model, k) in others)
        {
            yield return Row(ctx, $"accuracy-{EndToEndClaims.Slug(dataset)}-{model}-k{k}",
                $"Accuracy change with MaxK against ReLU: {dataset}, {EndToEndClaims.Model(model)}, k = {k} (no figure in the paper: its parity claim)", 0,
                "the paper's claim that MaxK keeps accuracy (design §6.3); no figure for this dataset", dataset, gpu => Measure(ctx, gpu, [dataset], model, k, dataset));
        }
    }

    private static ClaimRow Row(ClaimContext ctx, string id, string claim, double? paperValue, string source, string paperName, Func<string, ClaimMeasurement> measure) =>
        ClaimRules.Evaluate(new ClaimRow
        {
            Id = id, Section = ClaimSection.Accuracy, Claim = claim, Unit = ClaimUnit.PercentagePoints, PaperValue = paperValue, PaperGpu = ctx.Paper.PaperGpu,
            PaperSource = source, PaperName = paperName, OursProtocol = Protocol, ByGpu = [.. ctx.Gpus.Select(measure)],
        });

    private static ClaimMeasurement Measure(ClaimContext ctx, string gpu, IReadOnlyList<string> datasets, string model, int k, string paperName)
    {
        var parities = datasets.SelectMany(ds => ctx.Training.Configs(gpu).Where(c => c.Dataset == ds && c.Model == model && c.IsMaxk && c.K == k
                && c.Backend == TrainingFigures.MaxkBackend).Select(c => (Dataset: ds, Parity: ctx.Training.Parity(c))))
            .ToList();
        var usable = parities.Where(p => p.Parity.MeanDelta is not null).ToList();
        var best = usable.Where(p => !Synthetic(p.Parity)).Concat(usable).FirstOrDefault();     // the real dataset first
        if (best.Parity is null)
        {
            var unconverged = parities.SelectMany(p => p.Parity.Unconverged).ToList();
            return ClaimContext.Missing(gpu, unconverged.Count > 0
                ? $"{unconverged.Count} MaxK run(s) at k = {k} on {string.Join(", ", unconverged.Select(u => u.Maxk.Record.Dataset).Distinct())} left out as unconverged ("
                    + string.Join("; ", unconverged.Select(u => TrainingConvergence.Describe(TrainingConvergence.Of(u.Maxk.Record) == ConvergenceStatus.Converged ? u.Relu.Record : u.Maxk.Record)).Distinct()) + ")"
                : $"no headline MaxK {EndToEndClaims.Model(model)} run at k = {k} with at least {TrainingConvergence.MinEpochs} epochs and its ReLU baseline on {paperName} or a stand-in");
        }
        var parity = best.Parity;
        var seeds = string.Join(", ", parity.Converged.Select(s => $"seed {s.Seed}: {Pp(s.Delta)}"));
        return new ClaimMeasurement
        {
            Gpu = gpu, Ours = parity.MeanDelta, OursProtocol = Protocol, StandIn = best.Dataset, Data = Synthetic(parity) ? DataKind.Synthetic : DataKind.Real,
            Note = $"{parity.Converged.Count} seed(s) ({seeds}), {parity.Metric}" + (parity.Unconverged.Count > 0 ? $"; {parity.Unconverged.Count} unconverged seed(s) left out" : ""),
            Sources = parity.Sources,
        };
    }

    private static bool Synthetic(AccuracyParity p) => p.Converged.Any(s => s.Maxk.Record.DatasetSynthetic);

    private static string Pp(double d) => (d >= 0 ? "+" : "−") + Math.Abs(d * 100).ToString("F2", CultureInfo.InvariantCulture) + " pp";
}
