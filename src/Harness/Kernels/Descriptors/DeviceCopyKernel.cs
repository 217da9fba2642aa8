using MaxK.Harness.Verification;
using MaxK.Interop;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>
/// device_copy: cudaMemcpyAsync device to device of N × D floats on the legacy default stream, the GPU's achievable
/// memory bandwidth (the GB/s reference line of the pages), never a speed-up. Verified bitwise on every element (tolerance
/// 0); bytes = read + write (8·N·D).
/// </summary>
public sealed class DeviceCopyKernel : KernelDescriptor
{
    public const string Name = "device_copy";

    public override string Id => Name;

    public override KernelRole Role => KernelRole.BandwidthProbe;

    public override double Tolerance => 0;

    public override string? GpuImplementation => KernelNames.CudaRuntime;

    public override bool TakesK => false;

    public override int InputStream => 6;

    public override CaseOutcome RunGpu(KernelCase c, GpuKernelContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var n = context.Session.Graph.NodeCount;
        var count = (long)n * c.Dim;
        var x = RandomInputs.Dense(n, c.Dim, c.Seed, Stream(c, 0));
        using var source = DeviceBuffer.FromHost<float>(x);
        using var target = DeviceBuffer.Allocate<float>(count);
        var bytes = (nuint)(4 * count);
        void Copy() => CudaRuntime.Check(
            CudaRuntime.cudaMemcpyAsync(target.Pointer, source.Pointer, bytes, CudaMemcpyKind.DeviceToDevice, CudaRuntime.DefaultStream), "cudaMemcpyAsync");
        target.FillBytes(0xFF);
        Copy();
        CudaRuntime.Synchronize();
        var copied = target.ToArray<float>();
        var mismatches = 0L;
        for (var i = 0L; i < count; i++)
        {
            if (BitConverter.SingleToInt32Bits(copied[i]) != BitConverter.SingleToInt32Bits(x[i]))
                mismatches++;
        }
        var check = new VerificationResult($"bitwise equality with the source, all {count:N0} elements (target NaN-poisoned first)"
            + (mismatches > 0 ? $": {mismatches:N0} differ" : ""), mismatches > 0 ? 1 : 0, Tolerance);
        var samples = context.TimeIfVerified(check, Copy);
        return new CaseOutcome(check, samples, 8 * count, Config: "cudaMemcpyAsync device to device on the legacy default stream; bytes = read + write");
    }
}
