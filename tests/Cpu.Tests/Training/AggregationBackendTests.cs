using MaxK.Graphs;
using MaxK.Training.Aggregation;
using MaxK.Training.Timing;
using TorchSharp;
using static MaxK.Tests.Training.TrainingFixtures;
using static TorchSharp.torch;

namespace MaxK.Tests.Training;

/// <summary>The CPU reference backend's forward values and gradients against torch's dense autograd.</summary>
public class AggregationBackendTests
{
    private const double Tolerance = 1e-4;

    [Theory]
    [InlineData(EdgeNormalization.Mean)]
    [InlineData(EdgeNormalization.Gcn)]
    [InlineData(EdgeNormalization.Sum)]
    public void Spmm_ForwardAndGradientMatchDenseAutograd(EdgeNormalization normalization)
    {
        InitTorch();
        using var scope = NewDisposeScope();
        var graph = Graph(11, normalization);
        var a = TorchDenseBackend.DenseAdjacency(graph, CPU);
        var x = Randn(1, 30, 24, requiresGrad: true);
        var r = Randn(2, 30, 24);
        var y = CpuReferenceBackend.Instance.Spmm(graph, x, NullPhaseTimer.Instance);
        (y * r).sum().backward();

        var xRef = x.detach().clone().requires_grad_(true);
        var yRef = a.mm(xRef);
        (yRef * r).sum().backward();
        AssertClose(yRef, y, Tolerance, "Y");
        AssertClose(xRef.grad!, x.grad!, Tolerance, "dX");
        // The mean graph is not symmetric: the gradient must be Aᵀ·G, which differs from A·G.
        if (normalization == EdgeNormalization.Mean)
            Assert.True((a.mm(r) - x.grad!).abs().max().item<float>() > 1e-2, "A·G should differ from Aᵀ·G on this graph.");
    }

    [Theory]
    [InlineData(EdgeNormalization.Mean, 8, false, false)]
    [InlineData(EdgeNormalization.Mean, 8, true, true)]
    [InlineData(EdgeNormalization.Gcn, 1, false, true)]
    [InlineData(EdgeNormalization.Sum, 24, true, false)]
    public void MaxK_ForwardAndGradientMatchTopKMaskAutograd(EdgeNormalization normalization, int k, bool returnActivation, bool dropout)
    {
        InitTorch();
        using var scope = NewDisposeScope();
        var graph = Graph(12, normalization);
        var h = Randn(3, 30, 24, requiresGrad: true);
        var ry = Randn(4, 30, 24);
        var rs = Randn(5, 30, 24);
        Tensor? scale = null;
        if (dropout)
        {
            using var generator = new Generator(6);
            scale = torch.rand([30, k], generator: generator).ge(0.3).to_type(ScalarType.Float32).div(0.7);
        }
        var request = new MaxKRequest(k, scale, returnActivation);
        var result = CpuReferenceBackend.Instance.MaxKSpgemm(graph, h, request, NullPhaseTimer.Instance);
        var loss = (result.Aggregated * ry).sum();
        if (returnActivation)
            loss += (result.Activation! * rs).sum();
        loss.backward();

        var hRef = h.detach().clone().requires_grad_(true);
        var expected = new TorchDenseBackend().MaxKSpgemm(graph, hRef, request, NullPhaseTimer.Instance);
        var lossRef = (expected.Aggregated * ry).sum();
        if (returnActivation)
            lossRef += (expected.Activation! * rs).sum();
        lossRef.backward();

        AssertClose(expected.Aggregated, result.Aggregated, Tolerance, "Y");
        if (returnActivation)
            AssertClose(expected.Activation!, result.Activation!, Tolerance, "S");
        else
            Assert.Null(result.Activation);
        AssertClose(hRef.grad!, h.grad!, Tolerance, "dH");
    }

    [Fact]
    public void MaxK_GradientIsTheTopKMask()
    {
        InitTorch();
        using var scope = NewDisposeScope();
        // Identity graph: Y = MaxK(H), so dL/dH for L = ΣY is exactly the 0/1 mask of the k largest per row.
        var n = 20;
        var identity = new CsrGraph(n, [.. Enumerable.Range(0, n + 1)], [.. Enumerable.Range(0, n)]);
        var graph = AggregationGraph.Create(identity, EdgeNormalization.Sum);
        var h = Randn(7, n, 16, requiresGrad: true);
        var y = CpuReferenceBackend.Instance.MaxKSpgemm(graph, h, new MaxKRequest(5), NullPhaseTimer.Instance).Aggregated;
        y.sum().backward();
        var (_, top) = h.detach().topk(5, dim: 1);
        var mask = torch.zeros(n, 16).scatter_(1, top, torch.ones(n, 5));
        Assert.True(mask.allclose(h.grad!, rtol: 0, atol: 0), "dL/dH must be the top-k mask.");
        Assert.True((h.detach() * mask).allclose(y, rtol: 0, atol: 0), "Y must be H with all but the k largest entries of a row zeroed.");
        Assert.Equal(5L * n, h.grad!.count_nonzero().item<long>());
    }

    [Fact]
    public void MaxK_KeepsNegativeValuesAndExactlyKPerRow()
    {
        InitTorch();
        using var scope = NewDisposeScope();
        var n = 3;
        var identity = new CsrGraph(n, [0, 1, 2, 3], [0, 1, 2]);
        var graph = AggregationGraph.Create(identity, EdgeNormalization.Sum);
        var h = torch.tensor(new float[] { -5, -1, -3, -2, 4, 0, 1, 2, 3, -7, -8, -9 }, [n, 4]);
        var y = CpuReferenceBackend.Instance.MaxKSpgemm(graph, h, new MaxKRequest(2), NullPhaseTimer.Instance).Aggregated;
        Assert.Equal(new float[] { 0, -1, 0, -2, 4, 0, 0, 2, 3, -7, 0, 0 }, y.data<float>().ToArray());
    }

    [Fact]
    public void Phases_AreTimedByTheBackend()
    {
        InitTorch();
        using var scope = NewDisposeScope();
        var graph = Graph(13, EdgeNormalization.Mean);
        var timer = new RecordingTimer();
        var h = Randn(8, 30, 16, requiresGrad: true);
        CpuReferenceBackend.Instance.MaxKSpgemm(graph, h, new MaxKRequest(4), timer).Aggregated.sum().backward();
        CpuReferenceBackend.Instance.Spmm(graph, h, timer).sum().backward();
        Assert.Equal(2, timer.Count(TrainingPhase.AggregationForward));
        Assert.Equal(2, timer.Count(TrainingPhase.AggregationBackward));
        Assert.True(timer.Count(TrainingPhase.MaxKSelection) >= 2);
    }

    [Fact]
    public void MaxK_RejectsKOutOfRange()
    {
        InitTorch();
        using var scope = NewDisposeScope();
        var graph = Graph(14, EdgeNormalization.Mean);
        var h = Randn(9, 30, 8);
        Assert.ThrowsAny<Exception>(() => CpuReferenceBackend.Instance.MaxKSpgemm(graph, h, new MaxKRequest(9), NullPhaseTimer.Instance));
        Assert.ThrowsAny<Exception>(() => CpuReferenceBackend.Instance.Spmm(graph, Randn(9, 29, 8), NullPhaseTimer.Instance));
    }

    private sealed class RecordingTimer : IPhaseTimer
    {
        private readonly List<TrainingPhase> _ended = [];

        public int Count(TrainingPhase phase) => _ended.Count(p => p == phase);

        public PhaseToken Begin(TrainingPhase phase) => new(this, phase, 0);

        public void End(TrainingPhase phase, long startTicks) => _ended.Add(phase);

        public void BeginEpoch() => _ended.Clear();

        public EpochTiming EndEpoch() => NullPhaseTimer.Instance.EndEpoch();
    }
}
