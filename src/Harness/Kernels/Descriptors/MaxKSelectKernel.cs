using MaxK.Harness.Verification;
using MaxK.Interop;
using MaxK.Kernels;
using MaxK.Selection;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>
/// maxk_select: each row's k largest entries of a dense N × D matrix, into CBSR (ties by lower column). Reference:
/// <see cref="MaxKSelector"/>, compared in full and exactly (tolerance 0). Byte model: <see cref="ByteModel.Select"/>.
/// </summary>
public sealed class MaxKSelectKernel : KernelDescriptor
{
    public const string Name = "maxk_select";

    public override string Id => Name;

    public override KernelRole Role => KernelRole.Selection;

    public override double Tolerance => 0;

    public override string? CpuImplementation => KernelNames.CpuReference;

    public override string? GpuImplementation => KernelNames.MaxkNative;

    public override int InputStream => 0;

    public override CaseOutcome RunCpu(KernelCase c, CpuKernelContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var n = context.Graph.NodeCount;
        var x = RandomInputs.Dense(n, c.Dim, c.Seed, stream: 1);
        var cbsr = MaxKSelector.Select(x, n, c.Dim, c.K);
        var check = new VerificationResult("sort-based top-k (ties: lower column)",
            MaxK.Verification.RelativeError.Compute(cbsr.ScatterToDense(), IndependentChecks.TopKMasked(x, n, c.Dim, c.K)), Tolerance);
        return new CaseOutcome(check, context.TimeIfVerified(check, () => MaxKSelector.Select(x, n, c.Dim, c.K)),
            (4L * n * c.Dim) + ((long)n * c.K * (4 + (int)cbsr.IndexWidth)));
    }

    public override CaseOutcome RunGpu(KernelCase c, GpuKernelContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        var n = context.Session.Graph.NodeCount;
        var x = RandomInputs.Dense(n, c.Dim, c.Seed, Stream(c, 0));
        using var dx = DeviceBuffer.FromHost<float>(x);
        using var cbsr = DeviceCbsr.Allocate(n, c.Dim, c.K);
        cbsr.Poison();
        GpuMaxKSelect.Run(dx, cbsr);
        CudaRuntime.Synchronize();
        var values = cbsr.Values.ToArray<float>();
        var indices = cbsr.Indices.ToArray<byte>();
        var cpu = MaxKSelector.Select(x, n, c.Dim, c.K);
        long mismatches = 0;
        var width = (int)cbsr.IndexWidth;
        for (long i = 0; i < values.LongLength; i++)
        {
            var same = values[i] == cpu.Values[i];
            for (var b = 0; b < width && same; b++)
                same = indices[(i * width) + b] == cpu.IndexBytes[(i * width) + b];
            if (!same)
                mismatches++;
        }
        var check = new VerificationResult(
            $"MaxKSelector (CPU) on all {n:N0} rows, exact (ties by lower column); error = fraction of differing (index, value) slots; "
            + "outputs NaN-poisoned first", (double)mismatches / Math.Max(1, values.LongLength), Tolerance);
        var samples = context.TimeIfVerified(check, () => GpuMaxKSelect.Run(dx, cbsr));
        return new CaseOutcome(check, samples, ByteModel.Select(n, c.Dim, c.K, cbsr.IndexWidth), Config: $"index width {cbsr.IndexWidth}");
    }
}
