using MaxK.Graphs;
using MaxK.Torch;
using MaxK.Training.Aggregation;
using MaxK.Training.Timing;
using static MaxK.Tests.Training.TrainingFixtures;
using static TorchSharp.torch;

namespace MaxK.Tests.Training;

/// <summary>The pre-timing check passes the reference backend and catches wrong ones.</summary>
public class AggregationBackendCheckTests
{
    [Theory]
    [InlineData(EdgeNormalization.Mean, null)]
    [InlineData(EdgeNormalization.Gcn, 16)]
    [InlineData(EdgeNormalization.Sum, 32)]
    public void CpuReference_Passes(EdgeNormalization normalization, int? k)
    {
        InitTorch();
        var check = AggregationBackendCheck.Run(CpuReferenceBackend.Instance, normalization, 32, k);
        Assert.True(check.Passed, $"{check.RelativeError:E2} vs {check.Reference}");
        Assert.InRange(check.RelativeError, 0, AggregationBackendCheck.Tolerance);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(8)]
    public void WrongGradient_Fails(int? k)
    {
        InitTorch();
        // Aᵀ instead of A: wrong for the non-symmetric mean normalisation.
        var check = AggregationBackendCheck.Run(new UntransposedBackward(), EdgeNormalization.Mean, 32, k);
        Assert.False(check.Passed);
        Assert.True(check.RelativeError > 1e-2, $"{check.RelativeError:E2}");
    }

    /// <summary>Wraps the reference but aggregates with Aᵀ instead of A (a transposition bug).</summary>
    private sealed class UntransposedBackward : IAggregationBackend
    {
        public string Name => "wrong";

        public TorchDevice Device => TorchDevice.Cpu;

        public Tensor Spmm(AggregationGraph graph, Tensor x, IPhaseTimer timer) =>
            CpuReferenceBackend.Instance.Spmm(Swap(graph), x, timer);

        public MaxKAggregation MaxKSpgemm(AggregationGraph graph, Tensor h, MaxKRequest request, IPhaseTimer timer) =>
            CpuReferenceBackend.Instance.MaxKSpgemm(Swap(graph), h, request, timer);

        private static AggregationGraph Swap(AggregationGraph graph) => new(graph.Transposed, graph.Normalization);
    }
}
