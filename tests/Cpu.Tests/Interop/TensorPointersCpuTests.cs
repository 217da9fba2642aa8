using MaxK.Interop;
using MaxK.Torch;
using TorchSharp;

namespace MaxK.Tests.Interop;

/// <summary>TensorPointers' arithmetic and checks on CPU tensors, where the pointer can be dereferenced directly.</summary>
public class TensorPointersCpuTests
{
    [Fact]
    public unsafe void PointsAtTheFirstElementIncludingTheStorageOffset()
    {
        TorchRuntime.Initialize(TorchDevice.Cpu);
        using var scope = torch.NewDisposeScope();
        var t = torch.arange(12, dtype: torch.float32).reshape(3, 4);
        var basePointer = TensorPointers.DataPointer<float>(t, DeviceType.CPU);
        Assert.Equal(0f, *(float*)basePointer);

        var row = t[1];
        Assert.Equal(4, row.storage_offset());
        var rowPointer = TensorPointers.DataPointer<float>(row, DeviceType.CPU);
        Assert.Equal(basePointer + (4 * sizeof(float)), rowPointer);
        Assert.Equal(4f, *(float*)rowPointer);

        ((float*)rowPointer)[3] = 99f;
        Assert.Equal(99f, t[1, 3].item<float>());
    }

    [Fact]
    public void WorksForIntegerTensors()
    {
        TorchRuntime.Initialize(TorchDevice.Cpu);
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(new[] { 5L, 6L, 7L });
        Assert.NotEqual(IntPtr.Zero, TensorPointers.DataPointer<long>(t, DeviceType.CPU));
        Assert.Equal(torch.ScalarType.Int32, TensorPointers.ScalarTypeOf<int>());
    }

    [Fact]
    public void RejectsWrongDeviceDtypeAndNonContiguousTensors()
    {
        TorchRuntime.Initialize(TorchDevice.Cpu);
        using var scope = torch.NewDisposeScope();
        var t = torch.zeros(3, 4, dtype: torch.float32);
        var device = Assert.Throws<ArgumentException>(() => TensorPointers.DataPointer<float>(t));
        Assert.Contains("CUDA", device.Message);
        var dtype = Assert.Throws<ArgumentException>(() => TensorPointers.DataPointer<int>(t, DeviceType.CPU));
        Assert.Contains("Int32", dtype.Message);
        var layout = Assert.Throws<ArgumentException>(() => TensorPointers.DataPointer<float>(t.t(), DeviceType.CPU));
        Assert.Contains("contiguous", layout.Message);
        Assert.Throws<NotSupportedException>(() => TensorPointers.ScalarTypeOf<short>());
    }
}
