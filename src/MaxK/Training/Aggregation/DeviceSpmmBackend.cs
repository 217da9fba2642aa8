using MaxK.Torch;
using MaxK.Training.Timing;
using TorchSharp;
using static TorchSharp.torch;

namespace MaxK.Training.Aggregation;

/// <summary>
/// The ReLU baselines on the GPU: Y = A·X with a dense-feature SpMM (<see cref="IDeviceSpmm"/>: cuSPARSE or the
/// GNNAdvisor-style kernel), dX = Aᵀ·dY, as a custom autograd function. One SpMM object per graph and width, built on
/// first use by the factory given at construction and disposed with the backend. MaxK layers are rejected: this
/// backend is the ReLU model's aggregation.
/// </summary>
public sealed class DeviceSpmmBackend : IAggregationBackend, IDisposable
{
    private readonly Func<CudaGraphState, int, IDeviceSpmm> _factory;
    private readonly List<IDisposable> _owned = [];
    private readonly List<(AggregationGraph Graph, string Key)> _entries = [];

    /// <param name="name">"cusparse" or "gnnadvisor".</param>
    /// <param name="factory">Builds the SpMM of a graph's device state at width D.</param>
    public DeviceSpmmBackend(string name, Func<CudaGraphState, int, IDeviceSpmm> factory)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(factory);
        Name = name;
        _factory = factory;
    }

    public string Name { get; }

    public TorchDevice Device => TorchDevice.Cuda;

    /// <summary>Descriptions of the SpMM objects built so far (which algorithm won, the decider's choice).</summary>
    public IReadOnlyList<string> Configurations => _owned.OfType<IDeviceSpmm>().Select(s => s.Description).ToList();

    public Tensor Spmm(AggregationGraph graph, Tensor x, IPhaseTimer timer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(timer);
        var (rows, width) = CudaTensors.Matrix(x, "X");
        if (rows != graph.NodeCount)
            throw new OperandShapeMismatchException($"X has {rows} rows but the graph has N = {graph.NodeCount} nodes.");
        var state = CudaGraphState.ForGraph(graph, _owned.Add);
        var key = $"{Name}-spmm-{width}";
        var spmm = (IDeviceSpmm)graph.BackendState.GetOrAdd(key, _ =>
        {
            var created = _factory(state, width);
            _owned.Add(created);
            _entries.Add((graph, key));
            return created;
        });
        return Function.apply(x, spmm, timer);
    }

    public MaxKAggregation MaxKSpgemm(AggregationGraph graph, Tensor h, MaxKRequest request, IPhaseTimer timer) =>
        throw new NotSupportedException($"The {Name} backend is a ReLU baseline; MaxK layers run on the maxk backend.");

    public void Dispose()
    {
        foreach (var (graph, key) in _entries)
            graph.BackendState.TryRemove(key, out _);
        _entries.Clear();
        // SpMM objects first (they reference the graph's device buffers), then the graph states.
        foreach (var owned in _owned.OfType<IDeviceSpmm>())
            owned.Dispose();
        foreach (var owned in _owned.Where(o => o is not IDeviceSpmm))
            owned.Dispose();
        _owned.Clear();
    }

    private sealed class Function : autograd.SingleTensorFunction<Function>
    {
        public override string Name => "MaxK.DeviceSpmm";

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var x = ((Tensor)vars[0]).contiguous();
            var spmm = (IDeviceSpmm)vars[1];
            var timer = (IPhaseTimer)vars[2];
            var (n, d) = CudaTensors.Matrix(x, "X");
            var y = CudaTensors.Empty(n, d, x);
            using (timer.Begin(TrainingPhase.AggregationForward))
                spmm.Forward(CudaTensors.Float(x), CudaTensors.Float(y));
            ctx.save_data("spmm", spmm);
            ctx.save_data("timer", timer);
            return y;
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
        {
            var spmm = (IDeviceSpmm)ctx.get_data("spmm");
            var timer = (IPhaseTimer)ctx.get_data("timer");
            // Backward runs on torch's autograd thread, outside the caller's dispose scope: free the intermediates here.
            using var scope = torch.NewDisposeScope();
            var g = grad_output.contiguous();
            var (n, d) = CudaTensors.Matrix(g, "dY");
            var dx = CudaTensors.Empty(n, d, g);
            using (timer.Begin(TrainingPhase.AggregationBackward))
                spmm.Backward(CudaTensors.Float(g), CudaTensors.Float(dx));
            return [scope.MoveToOuter(dx), null!, null!];
        }
    }
}
