using MaxK.Formats;
using MaxK.Reference;
using MaxK.Selection;
using MaxK.Torch;
using MaxK.Training.Timing;
using TorchSharp;
using static TorchSharp.torch;

namespace MaxK.Training.Aggregation;

/// <summary>
/// Aggregation on the CPU with the reference kernels: <see cref="DenseSpmmReference"/> for the baseline (forward
/// on A, backward on the cached Aᵀ), and for MaxK <see cref="MaxKSelector"/> → <see cref="SpgemmForwardReference"/>,
/// backward <see cref="SspmmBackwardReference"/> → <see cref="MaxKBackwardScatterReference"/>. Deterministic (the
/// kernels round once per output in a fixed order). Tensors are copied to and from managed arrays.
/// </summary>
public sealed class CpuReferenceBackend : IAggregationBackend
{
    public static CpuReferenceBackend Instance { get; } = new();

    public string Name => "cpu-reference";

    public TorchDevice Device => TorchDevice.Cpu;

    public Tensor Spmm(AggregationGraph graph, Tensor x, IPhaseTimer timer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(timer);
        var (rows, _) = HostTensors.Matrix(x, "X");
        if (rows != graph.NodeCount)
            throw new OperandShapeMismatchException($"X has {rows} rows but the graph has N = {graph.NodeCount} nodes.");
        return SpmmFunction.apply(x, graph, timer);
    }

    public MaxKAggregation MaxKSpgemm(AggregationGraph graph, Tensor h, MaxKRequest request, IPhaseTimer timer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timer);
        var (rows, dim) = HostTensors.Matrix(h, "H");
        if (rows != graph.NodeCount)
            throw new OperandShapeMismatchException($"H has {rows} rows but the graph has N = {graph.NodeCount} nodes.");
        if (request.K < 1 || request.K > dim)
            throw new CbsrKOutOfRangeException(request.K, dim);
        if (request.DropoutScale is { } scale && (scale.dim() != 2 || scale.shape[0] != rows || scale.shape[1] != request.K))
            throw new OperandShapeMismatchException($"The dropout scale must be N × k = {rows} × {request.K}, got [{string.Join(", ", scale.shape)}].");
        var outputs = MaxKSpgemmFunction.apply(h, graph, request.K, request.DropoutScale?.detach(), request.ReturnActivation, timer);
        return new MaxKAggregation(outputs[0], request.ReturnActivation ? outputs[1] : null);
    }

    /// <summary>Y = A·X; dX = Aᵀ·dY.</summary>
    private sealed class SpmmFunction : autograd.SingleTensorFunction<SpmmFunction>
    {
        public override string Name => "MaxK.CpuSpmm";

        public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var x = (Tensor)vars[0];
            var graph = (AggregationGraph)vars[1];
            var timer = (IPhaseTimer)vars[2];
            var (n, d) = HostTensors.Matrix(x, "X");
            var input = HostTensors.ToArray(x, "X");
            float[] y;
            using (timer.Begin(TrainingPhase.AggregationForward))
                y = DenseSpmmReference.Compute(graph.Adjacency, input, d);
            ctx.save_data("graph", graph);
            ctx.save_data("timer", timer);
            return HostTensors.FromArray(y, n, d);
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
        {
            var graph = (AggregationGraph)ctx.get_data("graph");
            var timer = (IPhaseTimer)ctx.get_data("timer");
            var (n, d) = HostTensors.Matrix(grad_output, "dY");
            var g = HostTensors.ToArray(grad_output, "dY");
            float[] dx;
            using (timer.Begin(TrainingPhase.AggregationBackward))
                dx = DenseSpmmReference.Compute(graph.Transposed, g, d);
            return [HostTensors.FromArray(dx, n, d), null!, null!];
        }
    }

    /// <summary>[Y = A·S, (S)] with S = dropout(MaxK(H)) held as CBSR; dH = scatter((SSpMM(A, dY) + gather(dS)) ⊙ scale).</summary>
    private sealed class MaxKSpgemmFunction : autograd.MultiTensorFunction<MaxKSpgemmFunction>
    {
        public override string Name => "MaxK.CpuMaxKSpgemm";

        public override List<Tensor> forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var h = (Tensor)vars[0];
            var graph = (AggregationGraph)vars[1];
            var k = (int)vars[2];
            var scaleTensor = vars[3] as Tensor;
            var returnActivation = (bool)vars[4];
            var timer = (IPhaseTimer)vars[5];
            var (n, d) = HostTensors.Matrix(h, "H");
            var input = HostTensors.ToArray(h, "H");
            var scale = scaleTensor is null ? null : HostTensors.ToArray(scaleTensor, "dropout scale");
            Cbsr cbsr;
            using (timer.Begin(TrainingPhase.MaxKSelection))
            {
                cbsr = MaxKSelector.Select(input, n, d, k);
                if (scale is not null)
                {
                    var values = cbsr.Values;
                    for (var i = 0; i < values.Length; i++)
                        values[i] *= scale[i];
                }
            }
            float[] y;
            using (timer.Begin(TrainingPhase.AggregationForward))
                y = SpgemmForwardReference.Compute(graph.Adjacency, cbsr);
            ctx.save_data("graph", graph);
            ctx.save_data("cbsr", cbsr);
            ctx.save_data("scale", scale!);
            ctx.save_data("timer", timer);
            var outputs = new List<Tensor> { HostTensors.FromArray(y, n, d) };
            if (returnActivation)
            {
                using (timer.Begin(TrainingPhase.MaxKSelection))
                    outputs.Add(HostTensors.FromArray(cbsr.ScatterToDense(), n, d));
            }
            return outputs;
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, List<Tensor> grad_outputs)
        {
            var graph = (AggregationGraph)ctx.get_data("graph");
            var cbsr = (Cbsr)ctx.get_data("cbsr");
            var scale = ctx.get_data("scale") as float[];
            var timer = (IPhaseTimer)ctx.get_data("timer");
            var (n, d, k) = (cbsr.Rows, cbsr.Dim, cbsr.K);
            var gY = HostTensors.ToArray(grad_outputs[0], "dY");
            float[] dXs;
            using (timer.Begin(TrainingPhase.AggregationBackward))
                dXs = SspmmBackwardReference.Compute(graph.Adjacency, gY, cbsr);
            float[] dH;
            using (timer.Begin(TrainingPhase.MaxKSelection))
            {
                if (grad_outputs.Count > 1 && grad_outputs[1] is { IsInvalid: false } gSTensor)
                {
                    var gS = HostTensors.ToArray(gSTensor, "dS");
                    for (var r = 0; r < n; r++)
                    {
                        for (var s = 0; s < k; s++)
                            dXs[(r * k) + s] += gS[((long)r * d) + cbsr.GetIndex(r, s)];
                    }
                }
                if (scale is not null)
                {
                    for (var i = 0; i < dXs.Length; i++)
                        dXs[i] *= scale[i];
                }
                dH = MaxKBackwardScatterReference.Compute(cbsr, dXs);
            }
            return [HostTensors.FromArray(dH, n, d), null!, null!, null!, null!, null!];
        }
    }
}
