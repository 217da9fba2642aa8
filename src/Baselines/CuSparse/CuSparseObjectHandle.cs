using System.Runtime.InteropServices;

namespace MaxK.Baselines.CuSparse;

/// <summary>
/// Owns one cuSPARSE object (a handle, or a sparse or dense descriptor) and destroys it with the matching
/// <c>cusparseDestroy*</c> function when disposed or finalised.
/// </summary>
internal sealed class CuSparseObjectHandle : SafeHandle
{
    private readonly Func<IntPtr, int> _destroy;

    public CuSparseObjectHandle(IntPtr pointer, Func<IntPtr, int> destroy)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        _destroy = destroy;
        SetHandle(pointer);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The raw object; throws after disposal.</summary>
    public IntPtr Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle;
        }
    }

    protected override bool ReleaseHandle() => _destroy(handle) == 0;
}
