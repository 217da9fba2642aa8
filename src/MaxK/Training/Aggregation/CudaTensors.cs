using MaxK.Interop;
using TorchSharp;

namespace MaxK.Training.Aggregation;

/// <summary>Checks and raw pointers for the CUDA aggregation backends' tensors (float32 matrices on the GPU).</summary>
internal static class CudaTensors
{
    /// <summary>(rows, cols) of a CUDA float32 matrix, after checking it.</summary>
    public static (int Rows, int Cols) Matrix(torch.Tensor t, string what)
    {
        if (t.device_type != DeviceType.CUDA)
            throw new ArgumentException($"{what} must be a CUDA tensor for a CUDA backend, got one on {t.device}.");
        if (t.dtype != torch.ScalarType.Float32)
            throw new ArgumentException($"{what} must be float32, got {t.dtype}.");
        if (t.dim() != 2)
            throw new ArgumentException($"{what} must be a matrix, got shape [{string.Join(", ", t.shape)}].");
        return (checked((int)t.shape[0]), checked((int)t.shape[1]));
    }

    /// <summary>The device address of a contiguous float32 CUDA tensor.</summary>
    public static IntPtr Float(torch.Tensor t) => TensorPointers.DataPointer<float>(t);

    /// <summary>The device address of a contiguous uint8 CUDA tensor (CBSR indices as bytes).</summary>
    public static IntPtr Bytes(torch.Tensor t) => TensorPointers.DataPointer<byte>(t);

    /// <summary>An uninitialised float32 CUDA matrix on <paramref name="like"/>'s device.</summary>
    public static torch.Tensor Empty(long rows, long cols, torch.Tensor like) =>
        torch.empty([rows, cols], dtype: torch.ScalarType.Float32, device: like.device);
}
