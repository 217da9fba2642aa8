using MaxK.Torch;
using MaxK.Training.Timing;
using TorchSharp;
using static TorchSharp.torch;

namespace MaxK.Training.Aggregation;

/// <summary>
/// Aggregation with plain torch operations and torch's own autograd: A is held as a dense N×N matrix, MaxK is a
/// top-k mask (torch.topk, sorted descending) multiplied into H. It builds exactly what the fused backends avoid
/// (the dense post-activation and a dense A), so it is an independent oracle for gradient checks on small graphs,
/// not a baseline: memory is O(N²). Ties in top-k follow torch, not the lowest-column rule.
/// </summary>
public sealed class TorchDenseBackend : IAggregationBackend
{
    /// <summary>Largest N accepted (a dense N×N float32 matrix is 4·N² bytes).</summary>
    public const int MaxNodes = 8_192;

    public string Name => "torch-dense";

    public TorchDevice Device => TorchDevice.Cpu;

    public Tensor Spmm(AggregationGraph graph, Tensor x, IPhaseTimer timer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(timer);
        using (timer.Begin(TrainingPhase.AggregationForward))
            return DenseAdjacency(graph, x.device).mm(x);
    }

    public MaxKAggregation MaxKSpgemm(AggregationGraph graph, Tensor h, MaxKRequest request, IPhaseTimer timer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timer);
        Tensor s;
        using (timer.Begin(TrainingPhase.MaxKSelection))
        {
            var (_, indices) = h.detach().topk(request.K, dim: 1, largest: true, sorted: true);
            var kept = request.DropoutScale?.detach() ?? torch.ones(h.shape[0], request.K, dtype: h.dtype, device: h.device);
            var multiplier = torch.zeros_like(h).scatter_(1, indices, kept);
            s = h * multiplier;
        }
        Tensor y;
        using (timer.Begin(TrainingPhase.AggregationForward))
            y = DenseAdjacency(graph, h.device).mm(s);
        return new MaxKAggregation(y, request.ReturnActivation ? s : null);
    }

    /// <summary>A as a dense N×N float32 tensor (cached per graph; parallel edges add up).</summary>
    public static Tensor DenseAdjacency(AggregationGraph graph, Device device)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (n > MaxNodes)
            throw new ArgumentException($"{nameof(TorchDenseBackend)} is for small graphs (N ≤ {MaxNodes}); this one has N = {n}.");
        var cached = (Tensor)graph.BackendState.GetOrAdd("torch-dense", _ =>
        {
            var a = graph.Adjacency;
            var dense = new float[(long)n * n];
            for (var r = 0; r < n; r++)
            {
                for (var e = a.RowPointers[r]; e < a.RowPointers[r + 1]; e++)
                    dense[((long)r * n) + a.ColumnIndices[e]] += a.Weight(e);
            }
            var t = torch.tensor(dense, [n, n], ScalarType.Float32);
            t.DetachFromDisposeScope();
            return t;
        });
        return cached.device == device ? cached : cached.to(device);
    }
}
