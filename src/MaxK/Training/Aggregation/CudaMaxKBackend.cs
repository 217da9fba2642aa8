using MaxK.Formats;
using MaxK.Kernels;
using MaxK.Native;
using MaxK.Torch;
using MaxK.Training.Timing;
using TorchSharp;
using static TorchSharp.torch;

namespace MaxK.Training.Aggregation;

/// <summary>
/// The MaxK aggregation on the GPU with this project's kernels: the fused selection writes S = MaxK_k(H) straight
/// into CBSR (k values and uint8/uint16 column indices per row, held in torch tensors), dropout scales the CBSR
/// values, the SpGEMM forward computes Y = A·S from the CBSR, and the backward runs the SSpMM (Aᵀ·dY sampled at the
/// kept positions, computed from A's CSR) and scatters the N×k gradient into N×D. No dense N×D S is built for the
/// aggregation; it is formed only when a self term asks for it. Plain <see cref="Spmm"/> goes to the
/// <c>spmm</c> backend given at construction (ReLU layers never reach a MaxK model). Everything is enqueued on the
/// legacy default stream, which torch also uses, so no synchronisation is needed.
/// </summary>
public sealed class CudaMaxKBackend : IAggregationBackend, IDisposable
{
    private readonly IAggregationBackend? _spmm;
    private readonly List<IDisposable> _owned = [];

    /// <param name="spmm">Backend for plain SpMM, or null to reject it.</param>
    public CudaMaxKBackend(IAggregationBackend? spmm = null)
    {
        _spmm = spmm;
    }

    public string Name => "maxk";

    public TorchDevice Device => TorchDevice.Cuda;

    public Tensor Spmm(AggregationGraph graph, Tensor x, IPhaseTimer timer) =>
        _spmm?.Spmm(graph, x, timer) ?? throw new NotSupportedException("The maxk backend aggregates MaxK layers only; no SpMM backend was given.");

    public MaxKAggregation MaxKSpgemm(AggregationGraph graph, Tensor h, MaxKRequest request, IPhaseTimer timer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timer);
        var (rows, dim) = CudaTensors.Matrix(h, "H");
        if (rows != graph.NodeCount)
            throw new OperandShapeMismatchException($"H has {rows} rows but the graph has N = {graph.NodeCount} nodes.");
        if (request.K < 1 || request.K > dim)
            throw new CbsrKOutOfRangeException(request.K, dim);
        MaxkShapeLimits.CheckProduct(GpuSpgemmForward.NativeName, dim, request.K, WidthFor(dim));
        if (request.DropoutScale is { } scale && (scale.dim() != 2 || scale.shape[0] != rows || scale.shape[1] != request.K))
            throw new OperandShapeMismatchException($"The dropout scale must be N × k = {rows} × {request.K}, got [{string.Join(", ", scale.shape)}].");
        var state = CudaGraphState.ForGraph(graph, _owned.Add);
        var outputs = Function.apply(h, state, request.K, request.DropoutScale?.detach(), request.ReturnActivation, timer);
        return new MaxKAggregation(outputs[0], request.ReturnActivation ? outputs[1] : null);
    }

    /// <summary>uint8 indices up to D = 256, uint16 above.</summary>
    public static CbsrIndexWidth WidthFor(int dim) => dim <= Cbsr.MaxDimUInt8 ? CbsrIndexWidth.UInt8 : CbsrIndexWidth.UInt16;

    /// <summary>The kernel variants chosen at set-up on every graph this backend ran, in words (for the record's config).</summary>
    public IReadOnlyList<string> VariantChoices => [.. _owned.OfType<CudaGraphState>().SelectMany(s => s.VariantChoices)];

    public void Dispose()
    {
        foreach (var owned in _owned)
            owned.Dispose();
        _owned.Clear();
    }

    /// <summary>Column indices of the CBSR as int64 (N × k), for torch's gather and scatter.</summary>
    private static Tensor IndicesInt64(Tensor indexBytes, CbsrIndexWidth width, long rows, long k)
    {
        if (width == CbsrIndexWidth.UInt8)
            return indexBytes.to_type(ScalarType.Int64);
        var pairs = indexBytes.view(rows, k, 2).to_type(ScalarType.Int64);
        return pairs.select(2, 0) + (pairs.select(2, 1) * 256);
    }

    /// <summary>[Y = A·S, (S)]; dH = scatter((SSpMM(A, dY) + gather(dS)) ⊙ scale).</summary>
    private sealed class Function : autograd.MultiTensorFunction<Function>
    {
        public override string Name => "MaxK.CudaMaxKSpgemm";

        public override List<Tensor> forward(autograd.AutogradContext ctx, params object[] vars)
        {
            var h = ((Tensor)vars[0]).contiguous();
            var state = (CudaGraphState)vars[1];
            var k = (int)vars[2];
            var scale = vars[3] as Tensor;
            var returnActivation = (bool)vars[4];
            var timer = (IPhaseTimer)vars[5];
            var (n, d) = CudaTensors.Matrix(h, "H");
            var width = WidthFor(d);
            var values = CudaTensors.Empty(n, k, h);
            var indexBytes = torch.empty([n, k * (long)width], dtype: ScalarType.Byte, device: h.device);
            using (timer.Begin(TrainingPhase.MaxKSelection))
            {
                GpuMaxKSelect.Run(CudaTensors.Float(h), n, d, k, CudaTensors.Float(values), CudaTensors.Bytes(indexBytes), width);
                if (scale is not null)
                    values.mul_(scale);
            }
            var y = CudaTensors.Empty(n, d, h);
            using (timer.Begin(TrainingPhase.AggregationForward))
            {
                void Run(MxkTuning t) => GpuSpgemmForward.Run(state.Partition, CudaTensors.Float(values), CudaTensors.Bytes(indexBytes), width, k, d, CudaTensors.Float(y), t);
                Run(state.Variant(MaxKKernelOperation.SpgemmForward, k, d, () => MaxKVariantTrial.Choose(Run)).Tuning);
            }
            ctx.save_data("state", state);
            ctx.save_for_backward(scale is null ? [indexBytes] : [indexBytes, scale]);
            ctx.save_data("timer", timer);
            ctx.save_data("shape", (n, d, k));
            var outputs = new List<Tensor> { y };
            if (returnActivation)
            {
                using (timer.Begin(TrainingPhase.MaxKSelection))
                    outputs.Add(torch.zeros_like(h).scatter_(1, IndicesInt64(indexBytes, width, n, k), values));
            }
            return outputs;
        }

        public override List<Tensor> backward(autograd.AutogradContext ctx, List<Tensor> grad_outputs)
        {
            var state = (CudaGraphState)ctx.get_data("state");
            var saved = ctx.get_saved_variables();
            var indexBytes = saved[0];
            var scale = saved.Count > 1 ? saved[1] : null;
            var timer = (IPhaseTimer)ctx.get_data("timer");
            var (n, d, k) = ((int, int, int))ctx.get_data("shape");
            var width = WidthFor(d);
            // Backward runs on torch's autograd thread, outside the caller's dispose scope: free the intermediates here.
            using var scope = torch.NewDisposeScope();
            var gY = grad_outputs[0].contiguous();
            var gradValues = CudaTensors.Empty(n, k, gY);
            using (timer.Begin(TrainingPhase.AggregationBackward))
            {
                void Run(MxkTuning t) => GpuSspmmBackward.Run(state.Partition, CudaTensors.Float(gY), CudaTensors.Bytes(indexBytes), width, k, d, CudaTensors.Float(gradValues), t);
                Run(state.Variant(MaxKKernelOperation.SspmmBackward, k, d, () => MaxKVariantTrial.Choose(Run)).Tuning);
            }
            Tensor dH;
            using (timer.Begin(TrainingPhase.MaxKSelection))
            {
                if (grad_outputs.Count > 1 && grad_outputs[1] is { IsInvalid: false } gS)
                    gradValues.add_(gS.gather(1, IndicesInt64(indexBytes, width, n, k)));
                if (scale is not null)
                    gradValues.mul_(scale);
                dH = CudaTensors.Empty(n, d, gY);
                GpuMaxKBackwardScatter.Run(CudaTensors.Float(gradValues), CudaTensors.Bytes(indexBytes), width, n, k, d, CudaTensors.Float(dH));
            }
            return [scope.MoveToOuter(dH), null!, null!, null!, null!, null!];
        }
    }
}
