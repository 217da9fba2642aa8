using System.Globalization;
using MaxK.Graphs.Synthetic;
using MaxK.Harness.Kernels;
using MaxK.Harness.Vocabulary;
using MaxK.Kernels;

namespace MaxK.Harness.Suites;

/// <summary>
/// What <c>maxk kernels</c> measures (its command line, validated): graph presets × k at dense width D, with
/// <see cref="Warmup"/> untimed and <see cref="Runs"/> timed runs per case, inputs drawn from <see cref="Seed"/>. It runs
/// as the built-in suite <see cref="BuiltInSuites.Kernels"/>; the defaults are also those of GPU kernel sections.
/// </summary>
public sealed record KernelSuiteOptions
{
    public const int DefaultDim = 256;
    public const int DefaultRuns = 20;
    public const int DefaultWarmup = 5;

    /// <summary>Graph preset names (<see cref="GraphPresets"/>) or graph source specs (csr:, dir:, edges:, dataset:).</summary>
    public required IReadOnlyList<string> Graphs { get; init; }

    /// <summary>D: the dense width of X, Y and the baselines.</summary>
    public required int Dim { get; init; }

    /// <summary>The k values of the MaxK kernels (each also gives a cuSPARSE run at width k).</summary>
    public required IReadOnlyList<int> Ks { get; init; }

    public required int Runs { get; init; }

    public required int Warmup { get; init; }

    public required ulong Seed { get; init; }

    /// <summary>GPU timing protocols (default: ours alone).</summary>
    public IReadOnlyList<TimingProtocol> Protocols { get; init; } = [TimingProtocol.CudaEventsL2Flushed];

    /// <summary>Peer implementations run beside ours (e.g. maxk-gnn-released).</summary>
    public IReadOnlyList<string> Peers { get; init; } = [];

    /// <summary>A comma-separated list of GPU timing protocol words; anything else is a <see cref="HarnessException"/>.</summary>
    public static IReadOnlyList<TimingProtocol> ParseProtocols(string text)
    {
        var list = new List<TimingProtocol>();
        foreach (var word in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Words.TryParse<TimingProtocol>(word, out var kind) || kind == TimingProtocol.HostClock)
                throw new HarnessException($"--timing-protocols: '{word}' is not a GPU timing protocol; use {TimingProtocol.CudaEventsL2Flushed.Word()} and/or {TimingProtocol.ReleasedHostMean4.Word()}.");
            if (!list.Contains(kind))
                list.Add(kind);
        }
        return list.Count > 0 ? list : throw new HarnessException("--timing-protocols needs at least one protocol, e.g. cuda-events-l2-flushed.");
    }

    /// <summary>Parses the command line's values; every problem is a <see cref="HarnessException"/> (exit code 2).</summary>
    public static KernelSuiteOptions Parse(string graphs, int dim, string ks, int runs, int warmup, ulong seed)
    {
        var names = (graphs ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var options = new KernelSuiteOptions
        {
            Graphs = names, Dim = dim, Ks = ParseIntegers(ks, "--k"), Runs = runs, Warmup = warmup, Seed = seed,
        };
        options.Validate();
        return options;
    }

    /// <summary>A comma-separated list of integers, e.g. "16,32,64".</summary>
    public static IReadOnlyList<int> ParseIntegers(string text, string option)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                throw new HarnessException($"{option} must be a comma-separated list of integers, e.g. 16,32,64; '{part}' is not one.");
            values.Add(value);
        }
        return values;
    }

    /// <summary>
    /// Throws <see cref="HarnessException"/> for: no graph or an unknown one, a repeated graph or k, D not supported by the
    /// MaxK kernels (a multiple of 32 in [32, 4,096]), k outside [1, min(256, D)], runs &lt; 1, warm-up &lt; 0.
    /// </summary>
    public void Validate()
    {
        if (Graphs.Count == 0)
            throw new HarnessException($"--graph needs at least one preset, e.g. reddit-uniform. Known: {string.Join(", ", GraphPresets.Names)}.");
        foreach (var name in Graphs)
        {
            if (!SpecGraphSource.IsValid(name, out var problem))
                throw new HarnessException($"--graph: {problem}.");
        }
        if (Graphs.Distinct(StringComparer.Ordinal).Count() != Graphs.Count)
            throw new HarnessException("--graph lists a preset twice.");
        if (Dim < MaxkShapeLimits.MinProductDim || Dim > MaxkShapeLimits.MaxProductDim || Dim % MaxkShapeLimits.ProductDimMultiple != 0)
            throw new HarnessException(
                $"--dim {Dim} is not supported by the MaxK kernels: use a multiple of {MaxkShapeLimits.ProductDimMultiple} in [{MaxkShapeLimits.MinProductDim}, {MaxkShapeLimits.MaxProductDim}].");
        if (Ks.Count == 0)
            throw new HarnessException("--k needs at least one value, e.g. 16,32,64.");
        var maxK = Math.Min(MaxkShapeLimits.MaxProductK, Dim);
        foreach (var k in Ks)
        {
            if (k < 1 || k > maxK)
                throw new HarnessException($"--k {k} is outside [1, min({MaxkShapeLimits.MaxProductK}, D = {Dim})] = [1, {maxK}].");
        }
        if (Ks.Distinct().Count() != Ks.Count)
            throw new HarnessException("--k lists a value twice.");
        if (Runs < 1)
            throw new HarnessException("--runs must be at least 1 (20 or more for a result worth publishing).");
        if (Warmup < 0)
            throw new HarnessException("--warmup must be at least 0.");
    }
}
