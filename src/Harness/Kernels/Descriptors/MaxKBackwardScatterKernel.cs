using MaxK.Formats;
using MaxK.Reference;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>
/// maxk_backward_scatter: the backward of the MaxK nonlinearity, the CBSR gradient scattered to N × D. Verified by the
/// GPU grid (<c>maxk verify</c>) against <see cref="Reference"/>, exactly (tolerance 0); not benchmarked, so it has no
/// plan entries (a GPU case here would add <see cref="KernelDescriptor.GpuImplementation"/> and
/// <see cref="KernelDescriptor.RunGpu"/>, with <see cref="ByteModel.Scatter"/> as its byte model).
/// </summary>
public sealed class MaxKBackwardScatterKernel : KernelDescriptor
{
    public const string Name = "maxk_backward_scatter";

    public override string Id => Name;

    public override KernelRole Role => KernelRole.Scatter;

    public override double Tolerance => 0;

    /// <summary>The full reference: every element of the scattered gradient.</summary>
    public static float[] Reference(Cbsr pattern, float[] gradValues) => MaxKBackwardScatterReference.Compute(pattern, gradValues);
}
