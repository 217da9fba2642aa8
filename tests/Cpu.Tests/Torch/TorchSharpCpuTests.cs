using MaxK.Torch;
using TorchSharp;

namespace MaxK.Tests.Torch;

public class TorchSharpCpuTests
{
    [Fact]
    public void ForwardAndBackwardRunOnCpu()
    {
        TorchRuntime.Initialize(TorchDevice.Cpu);
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new float[] { 1, 2, 3 }, requires_grad: true);
        var y = (x * x).sum();
        y.backward();
        Assert.Equal(14f, y.item<float>());
        Assert.Equal(new float[] { 2, 4, 6 }, x.grad!.data<float>().ToArray());
    }
}
