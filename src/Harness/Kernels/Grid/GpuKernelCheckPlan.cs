namespace MaxK.Harness.Kernels.Grid;

/// <summary>
/// One check of the GPU verification grid before it runs (<see cref="GpuKernelVerifier.Plan"/>): its kernel (or native
/// call), variant and shape, and how to run it on a verifier.
/// </summary>
public sealed record GpuKernelCheckPlan(string Kernel, string Variant, int K, int Dim, Func<GpuKernelVerifier, GpuKernelCheck> Run);
