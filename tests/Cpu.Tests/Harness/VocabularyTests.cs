using System.Text.Json;
using MaxK.Harness.Results;
using MaxK.Harness.Suites;
using MaxK.Harness.Training;
using MaxK.Harness.Vocabulary;
using MaxK.Torch;

namespace MaxK.Tests.Harness;

/// <summary>Vocabulary enums in code, the same words on disk: one spelling per word (its JsonStringEnumMemberName).</summary>
public class VocabularyTests
{
    [Fact]
    public void DevicesAndBackendsHaveTheirWords()
    {
        Assert.Equal(["cpu", "cuda"], Words.All<ComputeDevice>());
        Assert.Equal(["cpu-reference", "cusparse", "maxk", "gnnadvisor", "pyg"], Words.All<TrainingBackend>());
        Assert.Equal(["cuda", "no-cuda"], Words.All<SectionRequirement>());
        Assert.Equal([TrainingBackend.CpuReference, TrainingBackend.CuSparse, TrainingBackend.MaxK, TrainingBackend.GnnAdvisor], TrainingBackendFacts.Ours);
        Assert.True(Words.TryParse<ComputeDevice>("cuda", out var cuda) && cuda == ComputeDevice.Cuda);
        Assert.False(Words.TryParse<ComputeDevice>("CUDA", out _));
        Assert.Equal(TorchDevice.Cuda, ComputeDevice.Cuda.ToTorch());
        Assert.Equal(ComputeDevice.Cpu, ComputeDevices.Of(TorchDevice.Cpu));
    }

    [Fact]
    public void EnumsAreWrittenAsTheirWordsInResultJson()
    {
        Assert.Equal("\"cpu-reference\"", JsonSerializer.Serialize(TrainingBackend.CpuReference, ResultJson.Options));
        Assert.Equal("\"cuda\"", JsonSerializer.Serialize(ComputeDevice.Cuda, ResultJson.Options));
        Assert.Equal(TrainingBackend.GnnAdvisor, JsonSerializer.Deserialize<TrainingBackend>("\"gnnadvisor\"", ResultJson.Options));
    }

    [Theory]
    [InlineData(TrainingBackend.CpuReference, ComputeDevice.Cpu, true)]
    [InlineData(TrainingBackend.CpuReference, ComputeDevice.Cuda, false)]
    [InlineData(TrainingBackend.MaxK, ComputeDevice.Cpu, false)]
    [InlineData(TrainingBackend.GnnAdvisor, ComputeDevice.Cuda, true)]
    [InlineData(TrainingBackend.Pyg, ComputeDevice.Cpu, true)]
    [InlineData(TrainingBackend.Pyg, ComputeDevice.Cuda, true)]
    public void EachBackendRunsOnItsDevices(TrainingBackend backend, ComputeDevice device, bool runs) => Assert.Equal(runs, backend.RunsOn(device));

    [Fact]
    public void TheDefaultsAndBaselinesFollowTheDevice()
    {
        Assert.Equal(TrainingBackend.CpuReference, TrainingBackendFacts.Default(ComputeDevice.Cpu, maxk: true));
        Assert.Equal(TrainingBackend.MaxK, TrainingBackendFacts.Default(ComputeDevice.Cuda, maxk: true));
        Assert.Equal(TrainingBackend.CuSparse, TrainingBackendFacts.Default(ComputeDevice.Cuda, maxk: false));
        Assert.Equal(TrainingBackend.CuSparse, TrainingBackendFacts.Baseline(ComputeDevice.Cuda));
        Assert.Equal(TrainingBackend.CpuReference, TrainingBackendFacts.Baseline(ComputeDevice.Cpu));
    }

    [Fact]
    public void TheTrainCommandAcceptsOnlyOurBackendsByWord()
    {
        Assert.Null(TrainingBackends.Parse(null));
        Assert.Equal(TrainingBackend.GnnAdvisor, TrainingBackends.Parse(" GnnAdvisor "));
        var ex = Assert.Throws<MaxK.Harness.HarnessException>(() => TrainingBackends.Parse("pyg"));
        Assert.Equal("Unknown training backend 'pyg'; known: cpu-reference, cusparse, maxk, gnnadvisor.", ex.Message);
        Assert.Contains("needs --device cuda", Assert.Throws<MaxK.Harness.HarnessException>(
            () => TrainingBackends.Resolve(TorchDevice.Cpu, MaxK.Training.Models.Nonlinearity.Relu, TrainingBackend.CuSparse)).Message);
    }
}
