using TorchSharp;

namespace MaxK.Training.Aggregation;

/// <summary>Copies between CPU float32 tensors and managed arrays for the CPU reference kernels.</summary>
internal static class HostTensors
{
    /// <summary>The tensor's values in row-major order (a copy).</summary>
    public static float[] ToArray(torch.Tensor t, string what)
    {
        if (t.device_type != DeviceType.CPU)
            throw new ArgumentException($"{what} must be a CPU tensor for the CPU reference backend, got {t.device}.");
        if (t.dtype != torch.ScalarType.Float32)
            throw new ArgumentException($"{what} must be float32, got {t.dtype}.");
        using var c = t.contiguous();
        return c.data<float>().ToArray();
    }

    /// <summary>A new CPU float32 tensor of shape rows × cols holding <paramref name="values"/>.</summary>
    public static torch.Tensor FromArray(float[] values, long rows, long cols) =>
        torch.tensor(values, [rows, cols], torch.ScalarType.Float32);

    public static (int Rows, int Cols) Matrix(torch.Tensor t, string what)
    {
        if (t.dim() != 2)
            throw new ArgumentException($"{what} must be a matrix, got shape [{string.Join(", ", t.shape)}].");
        return (checked((int)t.shape[0]), checked((int)t.shape[1]));
    }
}
