using System.CommandLine;
using System.Globalization;
using MaxK.Graphs;
using MaxK.Graphs.Io;
using MaxK.Sources;
using MaxK.Graphs.Synthetic;

namespace MaxK.Harness.Cli;

/// <summary>
/// <c>maxk graph</c>: list presets, print statistics of any graph source, and write any source as raw CSR files
/// (<c>write</c> and <c>import</c>, the same operation: other tools then read the same bytes). Sources: <see cref="GraphSources.Grammar"/>.
/// </summary>
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

        var graph = new Option<string?>("--graph") { Description = "The graph source. " + GraphSources.Grammar };
        var preset = new Option<string?>("--preset") { Description = "Same as --graph NAME (a synthetic preset)." };
        var csr = new Option<string?>("--csr") { Description = "Same as --graph csr:DIR/NAME." };
        var seed = new Option<ulong>("--seed") { Description = "Generator seed of presets.", DefaultValueFactory = _ => 42 };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data folder for dataset:NAME (as for `maxk train`)." };
        var stats = new Command("stats", "Prints node, edge and degree statistics and the provenance of a graph (every graph of a dir: source).")
        {
            graph, preset, csr, seed, dataDir,
        };
        stats.SetAction(parse =>
        {
            var spec = Spec(parse.GetValue(graph), parse.GetValue(preset), parse.GetValue(csr));
            var o = parse.InvocationConfiguration.Output;
            foreach (var loaded in GraphSources.LoadAll(spec, Options(parse.GetValue(seed), parse.GetValue(dataDir))))
                Print(o, loaded);
            return 0;
        });

        var outDir = new Option<string>("--output") { Description = "Folder for NAME.indptr / NAME.indices[ / NAME.values].", Required = true };
        var fileName = new Option<string?>("--name") { Description = "File name NAME for a single graph (default: the source's name)." };
        var write = new Command("write", "Writes a graph source as raw int32 CSR files (the same as `maxk graph import`).")
        {
            graph, preset, csr, seed, dataDir, outDir, fileName,
        };
        write.SetAction(parse =>
        {
            var spec = Spec(parse.GetValue(graph), parse.GetValue(preset), parse.GetValue(csr));
            return Import(parse.InvocationConfiguration.Output, spec, parse.GetValue(outDir)!, parse.GetValue(fileName),
                Options(parse.GetValue(seed), parse.GetValue(dataDir)));
        });

        var source = new Argument<string>("source") { Description = "The graph source. " + GraphSources.Grammar };
        var import = new Command("import", "Writes any graph source as raw CSR files NAME.indptr / NAME.indices[ / NAME.values] in --output, " +
                                           "so other tools (and csr:/dir: sources) read the same bytes.")
        {
            source, outDir, fileName, seed, dataDir,
        };
        import.SetAction(parse => Import(parse.InvocationConfiguration.Output, parse.GetValue(source)!, parse.GetValue(outDir)!,
            parse.GetValue(fileName), Options(parse.GetValue(seed), parse.GetValue(dataDir))));
        return new Command("graph", "Graphs: presets, statistics, raw CSR files. Sources: " + GraphSources.Grammar) { list, stats, write, import };
    }

    private static GraphSourceOptions Options(ulong seed, string? dataDir) => new() { Seed = seed, DataDirectory = dataDir };

    /// <summary>The one spec the options name (--graph, or the older --preset / --csr).</summary>
    private static string Spec(string? graph, string? preset, string? csr)
    {
        var given = new[] { graph, preset, csr is null ? null : GraphSourceSpec.CsrPrefix + csr }.Where(s => s is not null).ToList();
        return given.Count == 1
            ? given[0]!
            : throw new HarnessException("Give exactly one of --graph SPEC, --preset NAME or --csr DIR/NAME. Sources: " + GraphSources.GrammarSummary + ".");
    }

    private static int Import(TextWriter o, string spec, string output, string? name, GraphSourceOptions options)
    {
        var specs = GraphSources.Expand(spec, options);
        if (name is not null && specs.Count != 1)
            throw new HarnessException($"--name needs a source naming one graph; '{spec}' names {specs.Count}.");
        foreach (var single in specs)
        {
            var loaded = GraphSources.Load(single, options);
            var fileName = name ?? loaded.Name;
            RawCsrFiles.Write(output, fileName, loaded.Graph);
            var written = RawCsrFiles.RowPointersPath(Path.GetFullPath(output), fileName);
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {loaded.Provenance.Label} ({loaded.Graph.NodeCount:N0} nodes, {loaded.Graph.EdgeCount:N0} edges) to {written[..^RawCsrFiles.RowPointersExtension.Length]}" +
                $".indptr/.indices{(loaded.Graph.IsWeighted ? "/.values" : "")}"));
        }
        return 0;
    }

    private static void Print(TextWriter o, LoadedGraph loaded)
    {
        var s = DegreeStatistics.Compute(loaded.Graph);
        var p = loaded.Provenance;
        o.WriteLine(p.Label);
        o.WriteLine($"source: {p.Spec}  synthetic: {(p.Synthetic ? "true" : "false")}");
        foreach (var file in p.Files)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"file: {file.Path} ({file.Bytes:N0} bytes) sha256 {file.Sha256}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"nodes={s.NodeCount:N0} edges={s.EdgeCount:N0} degree: min={s.MinDegree} max={s.MaxDegree} mean={s.MeanDegree:F2} median={s.MedianDegree:F1} stddev={s.StdDevDegree:F2} zero-degree rows={s.ZeroDegreeRows:N0}"));
    }
}
