namespace MaxK.Kernels;

/// <summary>Checks on raw device pointers that need no GPU: non-null, and 16-byte aligned where the header requires it.</summary>
internal static class DevicePointers
{
    /// <summary>Dense matrices and CBSR values must be 16-byte aligned (maxk_native.h conventions; cudaMalloc gives 256).</summary>
    public const int Alignment = 16;

    public static void RequireNonNull(IntPtr pointer, string name)
    {
        if (pointer == IntPtr.Zero)
            throw new ArgumentException($"{name} must be a non-null device pointer.", name);
    }

    public static void RequireAligned(IntPtr pointer, string name)
    {
        RequireNonNull(pointer, name);
        if ((nint)pointer % Alignment != 0)
            throw new ArgumentException($"{name} must be {Alignment}-byte aligned (got 0x{pointer:x}).", name);
    }

    /// <summary>Throws <see cref="OperandShapeMismatchException"/> unless the buffer holds at least <paramref name="bytes"/>.</summary>
    public static void RequireBytes(Interop.DeviceBuffer buffer, long bytes, string name, string shape)
    {
        ArgumentNullException.ThrowIfNull(buffer, name);
        if (buffer.ByteLength < bytes)
            throw new OperandShapeMismatchException($"{name} must hold {shape} = {bytes:N0} bytes, has {buffer.ByteLength:N0}.");
    }
}
