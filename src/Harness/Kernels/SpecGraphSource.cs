using MaxK.Graphs;
using MaxK.Graphs.Synthetic;
using MaxK.Sources;

namespace MaxK.Harness.Kernels;

/// <summary>
/// Kernel graphs by graph source spec (<see cref="GraphSources.Grammar"/>): a preset name as before, or <c>csr:DIR/NAME</c>,
/// <c>edges:FILE</c>, <c>dataset:NAME</c> (a <c>dir:DIR</c> is expanded into <c>csr:</c> specs when a suite is planned). A
/// case's graph name is its spec; once loaded, the graph's provenance (real or synthetic, a label, every file read with its
/// SHA-256) is what <see cref="Describe"/> returns, so the records of that graph carry it. One graph is kept loaded.
/// </summary>
public sealed class SpecGraphSource(GraphSourceOptions options) : IKernelGraphSource
{
    private (string Spec, ulong Seed, LoadedGraph Graph)? _last;

    public static SpecGraphSource Default { get; } = new(GraphSourceOptions.Default);

    public KernelGraphInfo Describe(string graph)
    {
        var spec = GraphSourceSpec.Parse(graph);
        if (spec.Kind == GraphSourceKind.Preset)
            return PresetGraphSource.Instance.Describe(spec.Text);
        if (_last is { } last && last.Spec == graph)
            return Info(graph, last.Graph);
        return new KernelGraphInfo(graph, false, graph, 0, 0) { Source = graph };
    }

    public CsrGraph Load(string graph, ulong seed)
    {
        var spec = GraphSourceSpec.Parse(graph);
        if (spec.Kind == GraphSourceKind.Preset)
            return PresetGraphSource.Instance.Load(spec.Text, seed);
        if (_last is not { } last || last.Spec != graph || last.Seed != seed)
            _last = (graph, seed, GraphSources.Load(graph, options with { Seed = seed }));
        return _last.Value.Graph.Graph;
    }

    private static KernelGraphInfo Info(string spec, LoadedGraph g) => new(spec, g.Provenance.Synthetic, g.Provenance.Label, g.Graph.NodeCount, g.Graph.EdgeCount)
    {
        Source = spec,
        Files = [.. g.Provenance.Files.Select(f => new KernelGraphFile(Path.GetFileName(f.Path), f.Bytes, f.Sha256))],
    };

    /// <summary>True when <paramref name="spec"/> is a preset name or a well-formed source spec (nothing is loaded).</summary>
    public static bool IsValid(string spec, out string problem)
    {
        try
        {
            var parsed = GraphSourceSpec.Parse(spec);
            problem = "";
            if (parsed.Kind == GraphSourceKind.Preset && !GraphPresets.TryGet(parsed.Text, out _))
            {
                problem = $"'{spec}' is neither a graph preset ({string.Join(", ", GraphPresets.Names)}) nor a source; {GraphSources.GrammarSummary}";
                return false;
            }
            return true;
        }
        catch (GraphSourceException ex)
        {
            problem = ex.Message;
            return false;
        }
    }
}
