using MaxK.Torch;
using MaxK.Training.Timing;
using TorchSharp;

namespace MaxK.Training.Aggregation;

/// <summary>
/// Sparse aggregation for the GNN layers, as differentiable operations on TorchSharp tensors (custom autograd
/// functions). Implementations: <see cref="CpuReferenceBackend"/> now; CUDA backends (our MaxK kernels with
/// cuSPARSE for the dense path, cuSPARSE alone, GNNAdvisor) plug in here later. Every operation times itself on the
/// timer it is given: aggregation forward and backward, and the MaxK selection/scatter.
/// </summary>
public interface IAggregationBackend
{
    /// <summary>Short name for reports, e.g. "cpu-reference".</summary>
    string Name { get; }

    TorchDevice Device { get; }

    /// <summary>
    /// Y = A·X for a dense N×D float32 <paramref name="x"/>. Gradient: dX = Aᵀ·dY (correct for non-symmetric A).
    /// </summary>
    torch.Tensor Spmm(AggregationGraph graph, torch.Tensor x, IPhaseTimer timer);

    /// <summary>
    /// The fused MaxK aggregation: S = MaxK_k(H) built directly as CBSR (k values and column indices per row),
    /// optional dropout applied to the CBSR values, then Y = A·S by SpGEMM. The dense N×D S is not formed for the
    /// aggregation; it is returned only when <see cref="MaxKRequest.ReturnActivation"/> asks for it (self terms).
    /// Gradient of H: SSpMM (Aᵀ·dY sampled at the kept positions), plus the activation's own gradient gathered at
    /// those positions, times the dropout scale, scattered into N×D.
    /// </summary>
    MaxKAggregation MaxKSpgemm(AggregationGraph graph, torch.Tensor h, MaxKRequest request, IPhaseTimer timer);
}

/// <summary>Parameters of one fused MaxK aggregation.</summary>
/// <param name="K">Entries kept per row, 1 ≤ k ≤ D.</param>
/// <param name="DropoutScale">Optional N×k float32 multiplier of the kept values (0 or 1/(1−p)); null for none.</param>
/// <param name="ReturnActivation">Also return the dense post-activation S (after dropout) for a self term.</param>
public sealed record MaxKRequest(int K, torch.Tensor? DropoutScale = null, bool ReturnActivation = false);

/// <summary>The result of <see cref="IAggregationBackend.MaxKSpgemm"/>.</summary>
/// <param name="Aggregated">Y = A·S, N×D.</param>
/// <param name="Activation">S, N×D, when requested; otherwise null.</param>
public sealed record MaxKAggregation(torch.Tensor Aggregated, torch.Tensor? Activation);
