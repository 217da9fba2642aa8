namespace MaxK.Interop;

/// <summary><c>cudaMemcpyKind</c>: the direction of a copy (platform.md §1.5).</summary>
public enum CudaMemcpyKind
{
    HostToHost = 0,
    HostToDevice = 1,
    DeviceToHost = 2,
    DeviceToDevice = 3,

    /// <summary>Direction inferred from the pointers (unified virtual addressing).</summary>
    Default = 4,
}
