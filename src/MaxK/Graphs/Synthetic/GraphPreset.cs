using System.Globalization;

namespace MaxK.Graphs.Synthetic;

/// <summary>
/// A named recipe for a <b>synthetic</b> graph with the size of a real one: no real data is involved, and
/// <see cref="Label"/> says so wherever the preset is shown. Build one with <see cref="Uniform"/> or
/// <see cref="Rmat"/>; the catalogue is <see cref="GraphPresets"/>.
/// </summary>
public sealed record GraphPreset
{
    private GraphPreset(string name, GraphPresetCategory category, int nodes, long edges, SyntheticGraphKind kind,
        string source, double rmatA, double rmatB, double rmatC)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(edges);
        Name = name;
        Category = category;
        Nodes = nodes;
        Edges = edges;
        Kind = kind;
        Source = source;
        RmatA = rmatA;
        RmatB = rmatB;
        RmatC = rmatC;
    }

    /// <summary>Catalogue key, matched case-insensitively.</summary>
    public string Name { get; }

    public GraphPresetCategory Category { get; }

    /// <summary>N, the number of nodes.</summary>
    public int Nodes { get; }

    /// <summary>
    /// E requested: exact for <see cref="SyntheticGraphKind.Uniform"/>; for <see cref="SyntheticGraphKind.Rmat"/>
    /// the generated graph has fewer, because repeated edges are removed.
    /// </summary>
    public long Edges { get; }

    public SyntheticGraphKind Kind { get; }

    /// <summary>The real graph this preset imitates, where its size comes from, and why this generator.</summary>
    public string Source { get; }

    /// <summary>R-MAT top-left probability; 0 for uniform presets.</summary>
    public double RmatA { get; }

    /// <summary>R-MAT top-right probability; 0 for uniform presets.</summary>
    public double RmatB { get; }

    /// <summary>R-MAT bottom-left probability; 0 for uniform presets.</summary>
    public double RmatC { get; }

    /// <summary>Always true: every preset is generated, never loaded.</summary>
    public bool IsSynthetic => true;

    /// <summary>Requested edges per node.</summary>
    public double AverageDegree => (double)Edges / Nodes;

    /// <summary>
    /// The display name, e.g. "reddit (synthetic uniform, 232,965 nodes, 114,615,892 edges)" or
    /// "reddit-rmat (synthetic R-MAT a=0.57 b=0.19 c=0.19, 232,965 nodes, 114,615,892 edges requested before de-duplication)".
    /// </summary>
    public string Label => Kind switch
    {
        SyntheticGraphKind.Uniform => string.Create(CultureInfo.InvariantCulture,
            $"{Name} (synthetic uniform, {Nodes:N0} nodes, {Edges:N0} edges)"),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"{Name} (synthetic R-MAT a={RmatA:0.###} b={RmatB:0.###} c={RmatC:0.###}, {Nodes:N0} nodes, {Edges:N0} edges requested before de-duplication)"),
    };

    /// <summary>A preset built by <see cref="UniformRandomGraph"/>.</summary>
    public static GraphPreset Uniform(string name, GraphPresetCategory category, int nodes, long edges, string source) =>
        new(name, category, nodes, edges, SyntheticGraphKind.Uniform, source, 0, 0, 0);

    /// <summary>A preset built by <see cref="RmatGraph"/>, by default with the Graph500 probabilities (0.57, 0.19, 0.19; d = 0.05).</summary>
    public static GraphPreset Rmat(string name, GraphPresetCategory category, int nodes, long edges, string source,
        double a = 0.57, double b = 0.19, double c = 0.19) =>
        new(name, category, nodes, edges, SyntheticGraphKind.Rmat, source, a, b, c);

    /// <summary>Generates the graph; equal seeds give equal graphs.</summary>
    public CsrGraph Generate(ulong seed = 42) => Kind switch
    {
        SyntheticGraphKind.Uniform => UniformRandomGraph.Generate(Nodes, Edges, seed),
        SyntheticGraphKind.Rmat => RmatGraph.Generate(Nodes, Edges, RmatA, RmatB, RmatC, seed),
        _ => throw new InvalidOperationException($"Unknown synthetic graph kind {Kind}."),
    };

    public override string ToString() => Label;
}
