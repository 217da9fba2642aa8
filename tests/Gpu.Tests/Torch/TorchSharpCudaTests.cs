using MaxK.GpuTests.Support;
using TorchSharp;

namespace MaxK.GpuTests.Torch;

public class TorchSharpCudaTests
{
    [Fact]
    public void MatmulAutogradAndTopkRunOnCuda()
    {
        GpuAvailability.RequireCuda();
        using var scope = torch.NewDisposeScope();
        var a = torch.ones(2048, 2048, device: torch.CUDA);
        Assert.Equal(8_589_934_592.0, a.matmul(a).sum().item<float>(), 1e-3);

        var w = torch.randn(256, 64, device: torch.CUDA, requires_grad: true);
        var x = torch.randn(1024, 256, device: torch.CUDA);
        var loss = x.matmul(w).pow(2).sum();
        loss.backward();
        var expected = 2 * x.t().matmul(x.matmul(w));
        Assert.True(torch.allclose(w.grad!, expected, rtol: 1e-3, atol: 1e-2));

        var (values, _) = torch.topk(torch.arange(10, dtype: torch.float32, device: torch.CUDA), 3);
        Assert.Equal(new float[] { 9, 8, 7 }, values.cpu().data<float>().ToArray());
    }
}
