using System.Collections.Concurrent;
using MaxK.Interop;
using MaxK.Kernels;

namespace MaxK.Training.Aggregation;

/// <summary>
/// A graph's device copies for the CUDA backends: A (weighted CSR) uploaded once, its MaxK work partition, and Aᵀ
/// uploaded on first use (the dense baselines' backward). Created by <see cref="ForGraph"/>, which keeps one per
/// <see cref="AggregationGraph"/> and registers it with the backend that disposes it.
/// </summary>
public sealed class CudaGraphState : IDisposable
{
    private const string Key = "cuda-graph";
    private readonly AggregationGraph _graph;
    private readonly Lazy<DeviceCsr> _transposed;
    private GpuPartition? _partition;
    private readonly ConcurrentDictionary<(MaxKKernelOperation Op, int K, int Dim), MaxKVariantChoice> _variants = new();

    private CudaGraphState(AggregationGraph graph)
    {
        _graph = graph;
        Adjacency = DeviceCsr.Upload(graph.Adjacency);
        _transposed = new Lazy<DeviceCsr>(() => DeviceCsr.Upload(graph.Transposed));
    }

    /// <summary>A on the device.</summary>
    public DeviceCsr Adjacency { get; }

    /// <summary>Aᵀ on the device (uploaded on first use).</summary>
    public DeviceCsr Transposed => _transposed.Value;

    /// <summary>The MaxK kernels' work partition of A (built on first use).</summary>
    public GpuPartition Partition => _partition ??= GpuPartition.Create(Adjacency);

    public int NodeCount => _graph.NodeCount;

    /// <summary>
    /// The MaxK kernel variant for <paramref name="op"/> at (k, D) on this graph: chosen by <paramref name="trial"/> (a
    /// <see cref="MaxKVariantTrial"/> on the first call's own inputs) once, then reused, like the cuSPARSE baseline's
    /// ALG2/ALG3 choice.
    /// </summary>
    public MaxKVariantChoice Variant(MaxKKernelOperation op, int k, int dim, Func<MaxKVariantChoice> trial) =>
        _variants.GetOrAdd((op, k, dim), _ => trial());

    /// <summary>The choices made so far, in words, for the training record's config.</summary>
    public IReadOnlyList<string> VariantChoices =>
        [.. _variants.OrderBy(e => e.Key.Op).ThenBy(e => e.Key.K).ThenBy(e => e.Key.Dim)
            .Select(e => $"{e.Key.Op.Word()} k={e.Key.K} D={e.Key.Dim}: {e.Value.Describe()}")];

    /// <summary>The state of <paramref name="graph"/>, created (and passed to <paramref name="register"/>) on first use.</summary>
    public static CudaGraphState ForGraph(AggregationGraph graph, Action<IDisposable> register)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(register);
        return (CudaGraphState)graph.BackendState.GetOrAdd(Key, _ =>
        {
            var state = new CudaGraphState(graph);
            register(state);
            return state;
        });
    }

    public void Dispose()
    {
        _graph.BackendState.TryRemove(new KeyValuePair<string, object>(Key, this));
        _partition?.Dispose();
        if (_transposed.IsValueCreated)
            _transposed.Value.Dispose();
        Adjacency.Dispose();
    }
}
