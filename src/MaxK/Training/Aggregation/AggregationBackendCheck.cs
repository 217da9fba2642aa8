using MaxK.Graphs;
using MaxK.Graphs.Synthetic;
using MaxK.Torch;
using MaxK.Training.Timing;
using TorchSharp;
using static TorchSharp.torch;

namespace MaxK.Training.Aggregation;

/// <summary>
/// Checks a backend before it is timed: on a fresh random directed graph (so Aᵀ ≠ A) with the model's normalisation,
/// width and k, the backend's aggregation output and the gradient of its input must match torch's dense autograd
/// (<see cref="TorchDenseBackend"/>, computed on the CPU). MaxK uses the fused path with dropout and the activation
/// output, ReLU the plain SpMM. Inputs are drawn from a generator seeded by <paramref name="seed"/> (not torch's
/// global one, so the check does not shift the training run's random stream).
/// </summary>
public static class AggregationBackendCheck
{
    /// <summary>Nodes of the check graph.</summary>
    public const int Nodes = 1_500;

    /// <summary>Largest accepted relative error ‖out − ref‖ / ‖ref‖ (fp32 sums in different orders).</summary>
    public const double Tolerance = 1e-4;

    /// <param name="k">MaxK's k; null checks the plain SpMM.</param>
    public static BackendCheck Run(IAggregationBackend backend, EdgeNormalization normalization, int dim, int? k, ulong seed = 20_241_129)
    {
        ArgumentNullException.ThrowIfNull(backend);
        using var scope = NewDisposeScope();
        var structure = GraphOps.AddSelfLoops(UniformRandomGraph.Generate(Nodes, Nodes * 12L, seed));
        var graph = AggregationGraph.Create(structure, normalization);
        using var generator = new Generator(seed);
        var hostH = torch.randn([Nodes, dim], generator: generator);
        var hostGy = torch.randn([Nodes, dim], generator: generator);
        var hostGs = torch.randn([Nodes, dim], generator: generator);
        var device = backend.Device == TorchDevice.Cuda ? torch.CUDA : torch.CPU;
        Tensor? hostScale = k is { } kk ? torch.rand([Nodes, kk], generator: generator).ge(0.25).to_type(ScalarType.Float32).div(0.75) : null;

        var (y, s, dh) = Evaluate(backend, graph, hostH, hostGy, hostGs, hostScale, k, device);
        var (yRef, sRef, dhRef) = Evaluate(new TorchDenseBackend(), graph, hostH, hostGy, hostGs, hostScale, k, torch.CPU);
        var error = Math.Max(RelativeError(y, yRef), RelativeError(dh, dhRef));
        if (s is not null && sRef is not null)
            error = Math.Max(error, RelativeError(s, sRef));
        var what = k is null ? "SpMM" : $"MaxK k={k} (dropout, activation output)";
        return new BackendCheck(error <= Tolerance, error,
            $"torch dense autograd on a {Nodes:N0}-node random directed graph ({normalization} normalisation, D={dim}, {what})");
    }

    private static (Tensor Y, Tensor? S, Tensor DH) Evaluate(IAggregationBackend backend, AggregationGraph graph, Tensor h0, Tensor gy, Tensor gs,
        Tensor? scale, int? k, Device device)
    {
        var h = h0.to(device).detach().requires_grad_(true);
        Tensor y;
        Tensor? s = null;
        if (k is { } kk)
        {
            var result = backend.MaxKSpgemm(graph, h, new MaxKRequest(kk, scale?.to(device), ReturnActivation: true), NullPhaseTimer.Instance);
            y = result.Aggregated;
            s = result.Activation;
            ((y * gy.to(device)).sum() + (s! * gs.to(device)).sum()).backward();
        }
        else
        {
            y = backend.Spmm(graph, h, NullPhaseTimer.Instance);
            (y * gy.to(device)).sum().backward();
        }
        return (y.detach().cpu(), s?.detach().cpu(), h.grad!.cpu());
    }

    private static double RelativeError(Tensor actual, Tensor expected)
    {
        var reference = expected.to_type(ScalarType.Float64).norm().item<double>();
        var difference = (actual.to_type(ScalarType.Float64) - expected.to_type(ScalarType.Float64)).norm().item<double>();
        return reference == 0 ? difference : difference / reference;
    }
}

/// <summary>The outcome of <see cref="AggregationBackendCheck.Run"/>.</summary>
/// <param name="Passed">Relative error within <see cref="AggregationBackendCheck.Tolerance"/>.</param>
/// <param name="RelativeError">The largest relative error over the output(s) and the input gradient.</param>
/// <param name="Reference">What the backend was compared with.</param>
public sealed record BackendCheck(bool Passed, double RelativeError, string Reference);
