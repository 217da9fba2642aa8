using System.Text.Json;
using MaxK.Harness.Results;

namespace MaxK.Harness.Paper;

/// <summary>
/// The paper's published numbers (site/content/paper-numbers.json, taken from design doc §6 with their source),
/// shown beside ours by the site and by <c>maxk analyze</c>. The file is the only copy: it is also embedded in the
/// harness (<see cref="Embedded"/>), so the analysis works from a bundle without the repository. Graph and dataset
/// names are matched case-insensitively through <see cref="GraphAliases"/>.
/// </summary>
public sealed record PaperNumbers
{
    public string Source { get; init; } = "";

    /// <summary>The GPU the paper's numbers were measured on, as pages name it beside every paper value ("A100").</summary>
    public string PaperGpu { get; init; } = "A100";

    /// <summary>Where <see cref="PaperGpu"/> comes from.</summary>
    public string PaperGpuNote { get; init; } = "";
    public string BaselineNote { get; init; } = "";
    public PaperHeadline? Headline { get; init; }
    public IReadOnlyList<PaperGraphAlias> GraphAliases { get; init; } = [];
    public IReadOnlyList<PaperKernelSpeedups> Kernel { get; init; } = [];
    public IReadOnlyList<PaperEndToEnd> EndToEnd { get; init; } = [];
    public IReadOnlyList<PaperAmdahlLimits> AmdahlLimits { get; init; } = [];

    /// <summary>The README's SSpMM averages over graphs of average degree above a threshold (null when the file has none).</summary>
    public PaperSspmmAverage? SspmmAverage { get; init; }

    /// <summary>Memory-traffic claims (third-party summary, unverified).</summary>
    public IReadOnlyList<PaperMemoryTraffic> MemoryTraffic { get; init; } = [];

    /// <summary>The manifest resource name of the embedded copy of site/content/paper-numbers.json.</summary>
    public const string ResourceName = "paper-numbers.json";

    private static readonly Lazy<PaperNumbers> EmbeddedCopy = new(() =>
    {
        using var stream = typeof(PaperNumbers).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The paper numbers (site/content/paper-numbers.json) are not embedded in the harness.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"embedded {ResourceName}");
    });

    /// <summary>Reads the data file; a missing or broken file is an error naming it.</summary>
    public static PaperNumbers Load(string path)
    {
        if (!File.Exists(path))
            throw new HarnessException($"Paper numbers file '{path}' not found (site/content/paper-numbers.json).");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>The copy of site/content/paper-numbers.json embedded in the harness at build time.</summary>
    public static PaperNumbers Embedded() => EmbeddedCopy.Value;

    private static PaperNumbers Parse(string json, string origin)
    {
        try
        {
            return JsonSerializer.Deserialize<PaperNumbers>(json, ResultJson.Options)
                ?? throw new HarnessException($"Paper numbers file '{origin}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new HarnessException($"Paper numbers file '{origin}' is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>The paper's name for one of our graphs or datasets (a source spec such as dataset:reddit by its bare name), or null when the paper has no such graph.</summary>
    public string? PaperName(string ours) =>
        GraphAliases.FirstOrDefault(a => a.Ours.Any(o => string.Equals(o, ours, StringComparison.OrdinalIgnoreCase) || string.Equals(o, BareName(ours), StringComparison.OrdinalIgnoreCase)))?.Paper;

    /// <summary>
    /// A graph's name without its source kind and folder: "dataset:reddit" → "reddit", "csr:data/kernel/am" → "am"; a
    /// preset name is unchanged. Kernel records of real graphs are named by their source spec.
    /// </summary>
    public static string BareName(string graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var colon = graph.IndexOf(':', StringComparison.Ordinal);
        var rest = colon >= 0 ? graph[(colon + 1)..] : graph;
        var slash = rest.LastIndexOfAny(['/', '\\']);
        return slash >= 0 ? rest[(slash + 1)..] : rest;
    }

    /// <summary>Our graphs and datasets that stand for a paper graph, in the file's order (the order claims try them in).</summary>
    public IReadOnlyList<string> OursFor(string paperName) =>
        GraphAliases.FirstOrDefault(a => string.Equals(a.Paper, paperName, StringComparison.OrdinalIgnoreCase))?.Ours ?? [];

    public PaperKernelSpeedups? KernelAt(string ourGraph, int k) =>
        PaperName(ourGraph) is { } p ? Kernel.FirstOrDefault(e => e.Graph == p && e.K == k) : null;

    public PaperEndToEnd? EndToEndAt(string ourDataset, string model, int? k) =>
        PaperName(ourDataset) is { } p ? EndToEnd.FirstOrDefault(e => e.Dataset == p && string.Equals(e.Model, model, StringComparison.OrdinalIgnoreCase) && e.K == k) : null;

    public PaperAmdahlLimits? LimitsFor(string ourDataset) =>
        PaperName(ourDataset) is { } p ? AmdahlLimits.FirstOrDefault(e => e.Dataset == p) : null;
}

/// <summary>The paper's headline sentence and where it is from.</summary>
public sealed record PaperHeadline(string Text, string Source);

/// <summary>One paper graph name and our graphs or datasets that stand for it.</summary>
public sealed record PaperGraphAlias(string Paper, IReadOnlyList<string> Ours);

/// <summary>Paper kernel speed-ups at D = 256 for one graph and k: forward/backward against cuSPARSE and GNNAdvisor.</summary>
public sealed record PaperKernelSpeedups(string Graph, int K, double FwdCusparse, double BwdCusparse, double FwdGnnadvisor, double BwdGnnadvisor, string Source);

/// <summary>Paper end-to-end point: speed-ups against DGL and GNNAdvisor, accuracy change against ReLU (fraction).</summary>
public sealed record PaperEndToEnd(string Dataset, string Model, int K, double? DeltaAccuracy, double? TestAccuracy, double SpeedupVsDgl, double SpeedupVsGnnadvisor, string Source);

/// <summary>Paper Amdahl limits (speed-up as the kernel time goes to zero) per dataset against DGL and GNNAdvisor.</summary>
public sealed record PaperAmdahlLimits(string Dataset, double Dgl, double Gnnadvisor, string Source);

/// <summary>The SSpMM (backward) speed-up averaged over the kernel graphs of average degree above <see cref="MinAverageDegree"/>, per k.</summary>
public sealed record PaperSspmmAverage(double MinAverageDegree, string Text, string Source, IReadOnlyList<PaperSspmmPoint> Points);

/// <summary>One k of <see cref="PaperSspmmAverage"/>: against cuSPARSE and against GNNAdvisor.</summary>
public sealed record PaperSspmmPoint(int K, double VsCusparse, double VsGnnadvisor);

/// <summary>A DRAM-traffic change of one of our kernels against cuSPARSE SpMM (a fraction, −0.905 = 90.5 % less).</summary>
public sealed record PaperMemoryTraffic(string Kernel, string Graph, int K, double DramTrafficChange, string Text, string Source);
