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
