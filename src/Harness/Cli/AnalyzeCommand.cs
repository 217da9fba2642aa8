using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MaxK.Harness.Analysis;
using MaxK.Harness.Analysis.Claims;
using MaxK.Harness.Kernels;
using MaxK.Harness.Paper;
using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Cli;

/// <summary>
/// <c>maxk analyze [PATH...] [--json FILE] [--claims [--csv FILE]]</c>: the Amdahl analysis of training results (p, limit,
/// prediction, measured speed-up, attainment for MaxK runs, accuracy change), the end-to-end goals (measured epoch against
/// the floor-based ceiling, MaxK against PyG) and kernel speed-ups over cuSPARSE, each beside the paper's figure
/// (<see cref="PaperNumbers.Embedded"/>: site/content/paper-numbers.json, built into the harness). With <c>--claims</c> it
/// prints the claim-by-claim verdicts instead, the same rows as the site's claims page (<see cref="ClaimsBuilder"/>), and
/// --json / --csv write claims.json / its CSV. A corrupt result file is named and skipped (exit code 1); the others are analysed.
/// </summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Result files or folders (default: results).", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<string?>("--json") { Description = "Also write the analysis (with --claims: claims.json) as JSON to this file." };
        var claims = new Option<bool>("--claims") { Description = "Print the paper's claims with our values per GPU, verdict and cause (the site's claims page)." };
        var csv = new Option<string?>("--csv") { Description = "With --claims: also write the claims as CSV to this file." };
        var command = new Command("analyze", "Derives Amdahl fractions, limits, predictions and attainment, the end-to-end goals, kernel speed-ups, and the paper comparisons from result files.")
        {
            paths, json, claims, csv,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var loaded = ResultLoader.Load(parse.GetValue(paths) is { Length: > 0 } p ? p : ["results"]);
            foreach (var problem in loaded.Problems)
                output.WriteLine($"error: {problem}");
            var runs = loaded.Results.Select(r => new AnalysisRun(r.Path, r.Result)).ToList();
            output.WriteLine($"{loaded.Results.Count} result file(s) read ({string.Join(", ", Enum.GetValues<RunRole>().Select(role => $"{runs.Count(r => r.Role == role)} {role.Word()}"))}), "
                + $"{loaded.Problems.Count} unreadable.");
            if (parse.GetValue(claims))
            {
                var report = ClaimsBuilder.Build(runs, PaperNumbers.Embedded());
                ClaimsText.Write(output, report);
                Write(output, parse.GetValue(json), ClaimsJson.Write(report));
                Write(output, parse.GetValue(csv), ClaimsCsv.Write(report));
                return loaded.Problems.Count == 0 ? 0 : 1;
            }
            var analysis = ResultAnalysis.Analyze(loaded);
            WriteTraining(output, analysis.Training);
            WriteGoals(output, runs);
            WriteKernels(output, analysis.Kernels);
            output.WriteLine("Paper figures: ../shared/docs/maxk-design.md §6 (read off the paper's plots, ±5 %); the paper's speed-ups are against DGL, ours against our own cuSPARSE (GPU) or reference (CPU) baseline.");
            Write(output, parse.GetValue(json), JsonSerializer.Serialize(analysis, new JsonSerializerOptions(ResultJson.Options)));
            return loaded.Problems.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static void Write(TextWriter output, string? file, string text)
    {
        if (file is null)
            return;
        AtomicFile.WriteAllText(file, text);
        output.WriteLine($"wrote {file}");
    }

    private static string F(double? v, string format = "F2") => v is { } x && !double.IsNaN(x) ? x.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static void WriteTraining(TextWriter o, IReadOnlyList<TrainingComparison> rows)
    {
        if (rows.Count == 0)
        {
            o.WriteLine("Training: no record with a baseline.");
            return;
        }
        o.WriteLine();
        o.WriteLine($"{"training case",-58} {"p",6} {"s",7} {"limit",7} {"predict",8} {"speedup",8} {"attain",7} {"Δacc pt",8} {"paper×",7} {"paper lim",9}");
        foreach (var r in rows)
        {
            o.WriteLine($"{r.Id,-58} {F(r.BaselineFraction, "F3"),6} {F(r.KernelSpeedup),7} {F(r.AmdahlLimit),7} {F(r.AmdahlPrediction),8} {F(r.Speedup),8} "
                + $"{P(r.Attainment),7} {F(r.AccuracyDeltaPoints),8} {F(r.PaperSpeedupVsDgl),7} {F(r.PaperLimitVsDgl),9}");
        }
        o.WriteLine("Attainment (measured speed-up / Amdahl limit) is given for MaxK runs only.");
    }

    /// <summary>The two end-to-end goals per GPU (<see cref="EndToEndGoals"/>), with every input of goal (a).</summary>
    private static void WriteGoals(TextWriter o, IReadOnlyList<AnalysisRun> runs)
    {
        var figures = new TrainingFigures(runs);
        o.WriteLine();
        o.WriteLine($"End-to-end goals: (a) the measured MaxK epoch reaches ≥ {EndToEndGoals.CeilingShareTarget.ToString("P0", CultureInfo.InvariantCulture)} of the floor-based ceiling "
            + $"(floor epoch / measured epoch: nothing lost outside the kernels); (b) a MaxK epoch is ≥ {EndToEndGoals.PygSpeedupTarget.ToString("F0", CultureInfo.InvariantCulture)}× faster than PyG's on the same GPU and graph.");
        if (runs.Select(r => r.Gpu).Distinct().All(gpu => EndToEndGoals.Ceilings(runs, gpu).Count == 0))
            o.WriteLine($"Goal (a): no MaxK record with loads-only floor cases ({KernelNames.MaxKForwardFloor}, {KernelNames.MaxKBackwardFloor}) for its GPU, k, width and graph in the same file.");
        foreach (var gpu in runs.Select(r => r.Gpu).Distinct().Order(StringComparer.Ordinal))
        {
            var ceilings = EndToEndGoals.Ceilings(runs, gpu);
            var pyg = EndToEndGoals.PygSpeedups(figures, gpu);
            if (ceilings.Count + pyg.Count == 0)
                continue;
            o.WriteLine($"{gpu}:");
            foreach (var c in ceilings)
                o.WriteLine($"  (a) {c.Maxk.Record.Id}: {P(c.Share)} {(c.Met ? "met" : "not met")}; {c.Ceiling.Explain()} [{c.Maxk.Run.Path}, {c.Maxk.Run.Role.Word()} run]");
            foreach (var g in pyg)
                o.WriteLine($"  (b) {g.Maxk.Record.Id}: {F(g.Speedup)}× {(g.Met ? "met" : "not met")} (PyG {F(g.Pyg.Record.EpochMsMedian)} ms, MaxK {F(g.Maxk.Record.EpochMsMedian)} ms) [{g.Maxk.Run.Path}; {g.Pyg.Run.Path}]");
        }
    }

    private static string P(double? v) => v is { } x && !double.IsNaN(x) ? x.ToString("P0", CultureInfo.InvariantCulture) : "—";

    private static void WriteKernels(TextWriter o, IReadOnlyList<KernelComparison> rows)
    {
        if (rows.Count == 0)
        {
            o.WriteLine("Kernels: no GPU MaxK kernel case.");
            return;
        }
        o.WriteLine();
        o.WriteLine($"{"graph",-28} {"kernel",-14} {"D",4} {"k",4} {"median ms",10} {"× cuSPARSE",11} {"paper ×",8}");
        foreach (var r in rows.OrderBy(r => r.Graph, StringComparer.Ordinal).ThenBy(r => r.K).ThenBy(r => r.Kernel, StringComparer.Ordinal))
            o.WriteLine($"{r.Graph,-28} {r.Kernel,-14} {r.Dim,4} {r.K,4} {F(r.MedianMs, "F3"),10} {F(r.SpeedupVsCuSparse),11} {F(r.PaperSpeedupVsCuSparse),8}");
    }
}
