namespace MaxK.Kernels;

/// <summary>
/// Checks on raw device pointers that need no GPU. maxk_native.h requires dense matrices to be 16-byte aligned
/// (cudaMalloc gives 256); CBSR values and indices only need their element's natural alignment (4 bytes for float32,
/// 2 for uint16): 16-byte aligned values and 4/8-byte aligned indices with k % 4 == 0 select the faster vector path,
/// anything else the scalar one, with the same results.
/// </summary>
internal static class DevicePointers
{
    /// <summary>Alignment of dense matrices, in bytes.</summary>
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

    /// <summary>A CBSR value array: non-null and 4-byte aligned (float32).</summary>
    public static void RequireCbsrValues(IntPtr pointer, string name)
    {
        RequireNonNull(pointer, name);
        if ((nint)pointer % sizeof(float) != 0)
            throw new ArgumentException($"{name} must be {sizeof(float)}-byte aligned (float32; got 0x{pointer:x}).", name);
    }

    /// <summary>A CBSR index array: non-null and aligned to its index width.</summary>
    public static void RequireCbsrIndices(IntPtr pointer, Formats.CbsrIndexWidth width, string name)
    {
        RequireNonNull(pointer, name);
        if ((nint)pointer % (int)width != 0)
            throw new ArgumentException($"{name} must be {(int)width}-byte aligned ({width} indices; got 0x{pointer:x}).", name);
    }

    /// <summary>Throws <see cref="OperandShapeMismatchException"/> unless the buffer holds at least <paramref name="bytes"/>.</summary>
    public static void RequireBytes(Interop.DeviceBuffer buffer, long bytes, string name, string shape)
    {
        ArgumentNullException.ThrowIfNull(buffer, name);
        if (buffer.ByteLength < bytes)
            throw new OperandShapeMismatchException($"{name} must hold {shape} = {bytes:N0} bytes, has {buffer.ByteLength:N0}.");
    }
}
