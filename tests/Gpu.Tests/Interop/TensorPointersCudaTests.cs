using MaxK.GpuTests.Support;
using MaxK.Interop;
using TorchSharp;

namespace MaxK.GpuTests.Interop;

public class TensorPointersCudaTests
{
    [Fact]
    public unsafe void WritesThroughThePointerAreSeenByTorch()
    {
        GpuAvailability.RequireCuda();
        using var scope = torch.NewDisposeScope();
        var t = torch.zeros(4, 8, dtype: torch.float32, device: torch.CUDA);
        var row = t[2]; // a contiguous view with storage offset 16
        var rowPointer = TensorPointers.DataPointer<float>(row);
        Assert.Equal(TensorPointers.DataPointer<float>(t) + (16 * sizeof(float)), rowPointer);

        var values = Enumerable.Range(1, 8).Select(i => (float)i).ToArray();
        fixed (float* host = values)
            CudaRuntime.Check(CudaRuntime.cudaMemcpy(rowPointer, (IntPtr)host, 8 * sizeof(float), CudaMemcpyKind.HostToDevice), "cudaMemcpy");

        var back = t.cpu().data<float>().ToArray();
        for (var i = 0; i < back.Length; i++)
            Assert.Equal(i / 8 == 2 ? values[i % 8] : 0f, back[i]);
    }

    [Fact]
    public void RejectsWrongDtypeLayoutAndDevice()
    {
        GpuAvailability.RequireCuda();
        using var scope = torch.NewDisposeScope();
        var t = torch.zeros(4, 8, dtype: torch.float32, device: torch.CUDA);
        Assert.Throws<ArgumentException>(() => TensorPointers.DataPointer<int>(t));
        Assert.Throws<ArgumentException>(() => TensorPointers.DataPointer<float>(t.t()));
        Assert.Throws<ArgumentException>(() => TensorPointers.DataPointer<float>(t, DeviceType.CPU));
        Assert.Throws<ArgumentException>(() => TensorPointers.DataPointer<float>(t.cpu()));
    }
}
