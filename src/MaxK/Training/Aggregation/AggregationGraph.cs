using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MaxK.Graphs;

namespace MaxK.Training.Aggregation;

/// <summary>
/// The weighted adjacency A that a layer aggregates with (Y = A·X, row r gathers from its neighbours), plus
/// lazily built derived forms that backends need: the transpose for a dense backward (Aᵀ·G), and a per-backend
/// state slot for device copies (a CUDA backend keeps its device CSR and work partition there).
/// Immutable apart from those caches; safe to share between layers.
/// </summary>
public sealed class AggregationGraph
{
    private readonly Lazy<CsrGraph> _transposed;

    /// <param name="adjacency">A with its final weights (see <see cref="EdgeNormalizer"/>); unweighted means all 1.</param>
    /// <param name="normalization">How the weights were derived (for reports only).</param>
    public AggregationGraph(CsrGraph adjacency, EdgeNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(adjacency);
        Adjacency = adjacency;
        Normalization = normalization;
        _transposed = new Lazy<CsrGraph>(() => GraphOps.Transpose(adjacency), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private static readonly ConditionalWeakTable<CsrGraph, ConcurrentDictionary<EdgeNormalization, AggregationGraph>> Cache = new();

    /// <summary>
    /// Builds A from an unweighted structure by applying <paramref name="normalization"/>. Memoised per structure
    /// instance and normalisation (weakly: the cache entry lives as long as the structure), so successive models on the
    /// same loaded dataset share the weighted CSR and its transpose instead of rebuilding them.
    /// </summary>
    public static AggregationGraph Create(CsrGraph structure, EdgeNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var byNormalization = Cache.GetValue(structure, _ => new ConcurrentDictionary<EdgeNormalization, AggregationGraph>());
        return byNormalization.GetOrAdd(normalization, n => new AggregationGraph(EdgeNormalizer.Apply(structure, n), n));
    }

    public CsrGraph Adjacency { get; }

    public EdgeNormalization Normalization { get; }

    public int NodeCount => Adjacency.NodeCount;

    /// <summary>Aᵀ with the same weights (built on first use). Not equal to A for mean normalisation.</summary>
    public CsrGraph Transposed => _transposed.Value;

    /// <summary>
    /// Backend-owned state keyed by backend name (device copies, partitions); the backend that adds an entry disposes it
    /// and removes it again, so a shared graph never hands out disposed state.
    /// </summary>
    public ConcurrentDictionary<string, object> BackendState { get; } = new();

    public override string ToString() => $"AggregationGraph({Normalization}, {Adjacency})";
}
