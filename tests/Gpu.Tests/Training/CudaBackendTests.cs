using MaxK.Baselines.Training;
using MaxK.GpuTests.Support;
using MaxK.Graphs;
using MaxK.Training.Aggregation;
using MaxK.Training.Timing;
using TorchSharp;

namespace MaxK.GpuTests.Training;

/// <summary>
/// The CUDA training backends' forward values and input gradients against torch's dense autograd on the CPU
/// (<see cref="AggregationBackendCheck"/>: fresh random directed graph, dropout, activation output).
/// </summary>
public class CudaBackendTests
{
    public static TheoryData<EdgeNormalization, int, int> MaxKCases() => new()
    {
        { EdgeNormalization.Mean, 64, 8 },
        { EdgeNormalization.Mean, 256, 16 },
        { EdgeNormalization.Gcn, 256, 32 },
        { EdgeNormalization.Sum, 256, 64 },
        { EdgeNormalization.Mean, 128, 1 },
        { EdgeNormalization.Gcn, 384, 96 },
        { EdgeNormalization.Sum, 32, 32 },
    };

    [Theory]
    [MemberData(nameof(MaxKCases))]
    public void MaxK_MatchesDenseAutograd(EdgeNormalization normalization, int dim, int k)
    {
        NativeAvailability.Require();
        using var cusparse = new DeviceSpmmBackend("cusparse", (s, w) => CuSparseDeviceSpmm.Create(s, w));
        using var backend = new CudaMaxKBackend(cusparse);
        var check = AggregationBackendCheck.Run(backend, normalization, dim, k);
        Assert.True(check.Passed, $"relative error {check.RelativeError:E2} vs {check.Reference}");
    }

    [Theory]
    [InlineData(EdgeNormalization.Mean, 256)]
    [InlineData(EdgeNormalization.Gcn, 64)]
    [InlineData(EdgeNormalization.Sum, 128)]
    public void CuSparse_MatchesDenseAutograd(EdgeNormalization normalization, int dim)
    {
        NativeAvailability.Require();
        using var backend = new DeviceSpmmBackend("cusparse", (s, w) => CuSparseDeviceSpmm.Create(s, w));
        var check = AggregationBackendCheck.Run(backend, normalization, dim, null);
        Assert.True(check.Passed, $"relative error {check.RelativeError:E2} vs {check.Reference}");
        Assert.Contains("CSR_ALG", Assert.Single(backend.Configurations));
    }

    [Theory]
    [InlineData(EdgeNormalization.Mean, 256)]
    [InlineData(EdgeNormalization.Gcn, 64)]
    public void GnnAdvisor_MatchesDenseAutograd(EdgeNormalization normalization, int dim)
    {
        NativeAvailability.Require();
        using var backend = new DeviceSpmmBackend("gnnadvisor", (s, w) => GnnAdvisorDeviceSpmm.Create(s, w));
        var check = AggregationBackendCheck.Run(backend, normalization, dim, null);
        Assert.True(check.Passed, $"relative error {check.RelativeError:E2} vs {check.Reference}");
    }

    [Fact]
    public void CudaEventPhaseTimer_PhasesAddUpToTheEpoch()
    {
        NativeAvailability.Require();
        using var timer = new CudaEventPhaseTimer();
        using var scope = torch.NewDisposeScope();
        var a = torch.randn(2048, 2048, device: torch.CUDA);
        for (var epoch = 0; epoch < 2; epoch++)
        {
            timer.BeginEpoch();
            using (timer.Begin(TrainingPhase.AggregationForward))
                _ = a.mm(a);
            _ = a.mm(a);
            using (timer.Begin(TrainingPhase.Optimizer))
                _ = a.mm(a);
            var timing = timer.EndEpoch();
            Assert.True(timing.PhaseMs[TrainingPhase.AggregationForward] > 0);
            Assert.True(timing.PhaseMs[TrainingPhase.Optimizer] > 0);
            Assert.Equal(0, timing.PhaseMs[TrainingPhase.AggregationBackward]);
            var sum = timing.PhaseMs.Values.Sum();
            Assert.Equal(timing.EpochMs, sum, 6);
        }
    }
}
