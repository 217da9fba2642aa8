using TorchSharp;

namespace MaxK.Interop;

/// <summary>
/// Zero-copy access to a TorchSharp tensor's memory: the address of its first element, to hand to CUDA kernels
/// or libraries. The pointer is the storage base (<c>t.storage&lt;T&gt;().data_ptr()</c>, public since TorchSharp
/// 0.107.0) plus <c>storage_offset · element_size</c> (platform.md §4.2). It stays valid only while the tensor
/// (or another tensor sharing its storage) is alive and not resized; the caller keeps it alive.
/// </summary>
public static class TensorPointers
{
    /// <summary>
    /// The address of <paramref name="tensor"/>'s first element, after checking that it is dense and contiguous,
    /// has the element type <typeparamref name="T"/> and lives on <paramref name="device"/>. A tensor with no
    /// elements may give <see cref="IntPtr.Zero"/>.
    /// </summary>
    /// <typeparam name="T">float (float32), double (float64), int (int32), long (int64), byte (uint8) or bool.</typeparam>
    /// <exception cref="ArgumentException">Wrong device type, dtype or a non-contiguous tensor.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no TorchSharp storage type.</exception>
    public static IntPtr DataPointer<T>(torch.Tensor tensor, DeviceType device = DeviceType.CUDA)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var expected = ScalarTypeOf<T>();
        if (tensor.device_type != device)
            throw new ArgumentException($"Expected a {device} tensor, got one on {tensor.device}.", nameof(tensor));
        if (tensor.dtype != expected)
            throw new ArgumentException($"Expected dtype {expected}, got {tensor.dtype}.", nameof(tensor));
        if (tensor.is_sparse)
            throw new ArgumentException("Expected a dense (strided) tensor, got a sparse one.", nameof(tensor));
        if (!tensor.is_contiguous())
            throw new ArgumentException(
                $"Expected a contiguous tensor, got shape [{string.Join(", ", tensor.shape)}] with strides "
                + $"[{string.Join(", ", tensor.stride())}]; call .contiguous() first.",
                nameof(tensor));
        // storage<T>() wraps an alias of the tensor (same storage); disposing the Storage only drops its reference.
        using var storage = tensor.storage<T>();
        var basePointer = storage.data_ptr();
        return basePointer + checked((nint)(tensor.storage_offset() * tensor.element_size()));
    }

    /// <summary>The TorchSharp dtype for <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException">No storage type exists for <typeparamref name="T"/>.</exception>
    public static torch.ScalarType ScalarTypeOf<T>()
        where T : unmanaged
    {
        var t = typeof(T);
        if (t == typeof(float))
            return torch.ScalarType.Float32;
        if (t == typeof(double))
            return torch.ScalarType.Float64;
        if (t == typeof(int))
            return torch.ScalarType.Int32;
        if (t == typeof(long))
            return torch.ScalarType.Int64;
        if (t == typeof(byte))
            return torch.ScalarType.Byte;
        if (t == typeof(bool))
            return torch.ScalarType.Bool;
        throw new NotSupportedException(
            $"TorchSharp has no storage type for {t.Name}; supported: float, double, int, long, byte, bool.");
    }
}
