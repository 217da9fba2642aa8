using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MaxK.Harness.Analysis;
using MaxK.Harness.Kernels;
using MaxK.Harness.Paper;
using MaxK.Harness.Results;

namespace MaxK.Harness.Cli;

/// <summary>
/// <c>maxk analyze [PATH...] [--json FILE]</c>: the Amdahl analysis of training results (p, limit, prediction,
/// measured speed-up, attainment, the attainment ceiling from the loads-only floor cases, accuracy change) and kernel speed-ups over cuSPARSE, each beside the paper's figure
/// (<see cref="PaperNumbers.Embedded"/>: site/content/paper-numbers.json, built into the harness). A corrupt result
/// file is named and skipped (exit code 1); the others are analysed.
/// </summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Result files or folders (default: results).", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<string?>("--json") { Description = "Also write the analysis as JSON to this file." };
        var command = new Command("analyze", "Derives Amdahl fractions, limits, predictions and attainment, kernel speed-ups, and the paper comparisons from result files.") { paths, json };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var loaded = ResultLoader.Load(parse.GetValue(paths) is { Length: > 0 } p ? p : ["results"]);
            foreach (var problem in loaded.Problems)
                output.WriteLine($"error: {problem}");
            var report = ResultAnalysis.Analyze(loaded);
            output.WriteLine($"{loaded.Results.Count} result file(s) read, {loaded.Problems.Count} unreadable.");
            WriteTraining(output, report.Training);
            WriteKernels(output, report.Kernels);
            output.WriteLine("Paper figures: ../shared/docs/maxk-design.md §6 (read off the paper's plots, ±5 %); the paper's speed-ups are against DGL, ours against our own cuSPARSE (GPU) or reference (CPU) baseline.");
            if (parse.GetValue(json) is { } file)
            {
                var options = new JsonSerializerOptions(ResultJson.Options);
                AtomicFile.WriteAllText(file, JsonSerializer.Serialize(report, options));
                output.WriteLine($"wrote {file}");
            }
            return loaded.Problems.Count == 0 ? 0 : 1;
        });
        return command;
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
        o.WriteLine($"{"training case",-58} {"p",6} {"s",7} {"limit",7} {"predict",8} {"speedup",8} {"attain",7} {"ceiling",7} {"Δacc pt",8} {"paper×",7} {"paper lim",9}");
        foreach (var r in rows)
        {
            o.WriteLine($"{r.Id,-58} {F(r.BaselineFraction, "F3"),6} {F(r.KernelSpeedup),7} {F(r.AmdahlLimit),7} {F(r.AmdahlPrediction),8} {F(r.Speedup),8} "
                + $"{P(r.Attainment),7} {P(r.Ceiling?.Ceiling),7} {F(r.AccuracyDeltaPoints),8} {F(r.PaperSpeedupVsDgl),7} {F(r.PaperLimitVsDgl),9}");
        }
        var ceilings = rows.Where(r => r.Ceiling is not null).ToList();
        if (ceilings.Count == 0)
        {
            o.WriteLine($"Attainment ceiling: no MaxK record with loads-only floor cases ({KernelNames.MaxKForwardFloor}, {KernelNames.MaxKBackwardFloor}) for its GPU, k, width and graph in the same file.");
            return;
        }
        o.WriteLine();
        o.WriteLine($"Attainment ceiling: the share of the Amdahl limit reached if every aggregation call ran at the loads-only floor (DIAGNOSTIC kernels, wrong output; "
            + $"dense layers, selection and optimizer as measured); target {AttainmentCeiling.Target.ToString("P0", CultureInfo.InvariantCulture)}.");
        foreach (var r in ceilings)
            o.WriteLine($"{r.Id}: measured {P(r.Attainment)}, {r.Ceiling!.Explain()}");
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
