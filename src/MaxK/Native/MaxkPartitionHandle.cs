using System.Runtime.InteropServices;

namespace MaxK.Native;

/// <summary>
/// Owns one <c>mxk_partition*</c> made by <c>mxk_partition_create</c> and releases it with <c>mxk_partition_destroy</c>
/// (which frees its device memory with cudaFree and so implicitly synchronises the device). Passed by the
/// marshaller to the native functions that take a <c>const mxk_partition*</c>, with a reference held for the call.
/// </summary>
public sealed class MaxkPartitionHandle : SafeHandle
{
    /// <summary>An invalid handle; the marshaller fills it from the <c>mxk_partition**</c> out-parameter.</summary>
    public MaxkPartitionHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => MaxkNativeMethods.mxk_partition_destroy(handle) == (int)MxkStatus.Ok;
}
