using System.CommandLine;
using System.Globalization;
using MaxK.Graphs;
using MaxK.Graphs.Io;
using MaxK.Graphs.Synthetic;

namespace MaxK.Harness.Cli;

/// <summary><c>maxk graph</c>: list presets, print statistics, and write synthetic graphs as raw CSR files.</summary>
public static class GraphCommand
{
    public static Command Create()
    {
        var list = new Command("presets", "Lists the synthetic graph presets (all labelled synthetic).");
        list.SetAction(parse =>
        {
            foreach (var p in GraphPresets.All)
                parse.InvocationConfiguration.Output.WriteLine($"{p.Name,-22} {p.Label}");
            return 0;
        });

        var preset = new Option<string?>("--preset") { Description = "A synthetic preset name (see `maxk graph presets`)." };
        var csr = new Option<string?>("--csr") { Description = "Raw CSR files prefix: DIR/NAME for NAME.indptr, NAME.indices[, NAME.values]." };
        var seed = new Option<ulong>("--seed") { Description = "Generator seed.", DefaultValueFactory = _ => 42 };
        var stats = new Command("stats", "Prints node, edge and degree statistics of a graph.") { preset, csr, seed };
        stats.SetAction(parse =>
        {
            var (graph, label) = Load(parse.GetValue(preset), parse.GetValue(csr), parse.GetValue(seed));
            var s = DegreeStatistics.Compute(graph);
            var o = parse.InvocationConfiguration.Output;
            o.WriteLine(label);
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"nodes={s.NodeCount:N0} edges={s.EdgeCount:N0} degree: min={s.MinDegree} max={s.MaxDegree} mean={s.MeanDegree:F2} median={s.MedianDegree:F1} stddev={s.StdDevDegree:F2} zero-degree rows={s.ZeroDegreeRows:N0}"));
            return 0;
        });

        var outDir = new Option<string>("--output") { Description = "Folder for NAME.indptr / NAME.indices.", Required = true };
        var write = new Command("write", "Generates a preset and writes it as raw int32 CSR files.") { preset, seed, outDir };
        write.SetAction(parse =>
        {
            var name = parse.GetValue(preset) ?? throw new HarnessException("--preset is required.");
            var (graph, label) = Load(name, null, parse.GetValue(seed));
            RawCsrFiles.Write(parse.GetValue(outDir)!, name, graph);
            parse.InvocationConfiguration.Output.WriteLine($"wrote {label} to {Path.Combine(parse.GetValue(outDir)!, name)}.indptr/.indices");
            return 0;
        });
        return new Command("graph", "Graphs: presets, statistics, raw CSR files.") { list, stats, write };
    }

    private static (CsrGraph Graph, string Label) Load(string? preset, string? csr, ulong seed)
    {
        if ((preset is null) == (csr is null))
            throw new HarnessException("Give exactly one of --preset NAME or --csr DIR/NAME.");
        if (preset is not null)
        {
            var p = GraphPresets.Get(preset);
            return (p.Generate(seed), $"{p.Label}, seed {seed}");
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(csr!))!;
        var name = Path.GetFileName(csr!);
        return (RawCsrFiles.Read(dir, name), $"{name} (raw CSR files in {dir})");
    }
}
