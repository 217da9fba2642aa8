using MaxK.Baselines.GnnAdvisor;
using MaxK.Formats;
using MaxK.Kernels;
using MaxK.Native;

namespace MaxK.Harness.Kernels.Grid;

/// <summary>
/// The grid as a plan: every check's identity (kernel, variant, k, D) known without a GPU, in the fixed order of
/// <c>maxk verify</c>, so the verify suite can give each check a stable case id before anything runs. The variant
/// names are the ones the checks report (the helpers below are shared by both).
/// </summary>
public sealed partial class GpuKernelVerifier
{
    /// <summary>What the partition checks report as their kernel: the native work partition (not a kernel of the catalogue).</summary>
    public const string PartitionName = "partition";

    /// <summary>What the off-alignment check of both products reports as its kernel.</summary>
    public const string ForwardAndBackwardName = KernelNames.MaxKForward + "+" + KernelNames.MaxKBackward;

    /// <summary>Every check of <see cref="All"/>, in order (312 with the default lists).</summary>
    public static IReadOnlyList<GpuKernelCheckPlan> Plan()
    {
        var plan = new List<GpuKernelCheckPlan>();
        void Add(string kernel, string variant, int k, int dim, Func<GpuKernelVerifier, GpuKernelCheck> run) => plan.Add(new(kernel, variant, k, dim, run));
        foreach (var chunk in PartitionChunks)
            Add(PartitionName, PartitionVariant(chunk), 0, 0, v => v.Partition(chunk));
        foreach (var (k, dim) in Shapes())
        {
            var w = Cbsr.IndexWidthFor(dim);
            Add(KernelNames.MaxKSelect, SelectVariant(w), k, dim, v => v.Select(k, dim));
            Add(KernelNames.MaxKSelect, SelectWithTiesVariant(w), k, dim, v => v.SelectWithTies(k, dim));
            Add(KernelNames.MaxKForward, ForwardVariant(w, null), k, dim, v => v.Forward(k, dim));
            Add(KernelNames.MaxKForward, ForwardAgainstCuSparseVariant(w), k, dim, v => v.ForwardAgainstCuSparse(k, dim));
            Add(KernelNames.MaxKBackward, BackwardVariant(w, null), k, dim, v => v.Backward(k, dim));
            Add(KernelNames.MaxKBackwardScatter, ScatterVariant(w), k, dim, v => v.Scatter(k, dim));
        }
        foreach (var (k, dim) in WideIndexShapes)
        {
            const CbsrIndexWidth w = CbsrIndexWidth.UInt16;
            Add(KernelNames.MaxKSelect, SelectVariant(w), k, dim, v => v.Select(k, dim, w));
            Add(KernelNames.MaxKForward, ForwardVariant(w, null), k, dim, v => v.Forward(k, dim, w));
            Add(KernelNames.MaxKBackward, BackwardVariant(w, null), k, dim, v => v.Backward(k, dim, w));
            Add(KernelNames.MaxKBackwardScatter, ScatterVariant(w), k, dim, v => v.Scatter(k, dim, w));
        }
        foreach (var (k, dim) in TuningShapes)
        {
            var w = Cbsr.IndexWidthFor(dim);
            foreach (var (_, tuning) in Tunings)
            {
                Add(KernelNames.MaxKForward, ForwardVariant(w, tuning), k, dim, v => v.Forward(k, dim, tuning: tuning));
                Add(KernelNames.MaxKBackward, BackwardVariant(w, tuning), k, dim, v => v.Backward(k, dim, tuning: tuning));
            }
        }
        foreach (var (k, dim) in UnalignedCbsrShapes)
            Add(ForwardAndBackwardName, UnalignedCbsrVariant(Cbsr.IndexWidthFor(dim)), k, dim, v => v.UnalignedCbsr(k, dim));
        foreach (var dim in Dims)
        {
            foreach (var variant in GnnAdvisorVariants)
                Add(KernelNames.GnnAdvisorSpmm, variant, 0, dim, v => v.GnnAdvisor(dim, variant));
        }
        foreach (var (call, dim, k, width) in UnsupportedShapeCases)
            Add(call, UnsupportedShapeVariant(width), k, dim, v => v.UnsupportedShape(call, dim, k, width));
        Add(GnnAdvisorSpmm.NativeName, GnnAdvisorSharedMemoryVariant, 0, 32, v => v.GnnAdvisorSharedMemoryTooLarge());
        Add(GpuSpgemmForward.NativeName, MisalignedOutputVariant, 16, 32, v => v.MisalignedOutput());
        Add(GpuCsrValidator.NativeName, InvalidCsrVariant, 0, 0, v => v.InvalidCsr());
        return plan;
    }

    private static string PartitionVariant(int chunk) => $"max_chunk {chunk}";

    private static string SelectVariant(CbsrIndexWidth w) => WidthName(w);

    private static string SelectWithTiesVariant(CbsrIndexWidth w) => WidthName(w) + ", ties (9 levels)";

    private static string ForwardVariant(CbsrIndexWidth w, MxkTuning? tuning) => WidthName(w) + TuningName(tuning);

    private static string ForwardAgainstCuSparseVariant(CbsrIndexWidth w) => WidthName(w) + ", vs cuSPARSE";

    private static string BackwardVariant(CbsrIndexWidth w, MxkTuning? tuning) => WidthName(w) + ", mean-normalised A" + TuningName(tuning);

    private static string ScatterVariant(CbsrIndexWidth w) => WidthName(w);

    private static string UnalignedCbsrVariant(CbsrIndexWidth w) => $"{WidthName(w)}, CBSR off vector alignment";

    private static string UnsupportedShapeVariant(CbsrIndexWidth w) => $"unsupported: {WidthName(w)}";

    private const string GnnAdvisorSharedMemoryVariant = "unsupported: shared memory over the device limit";

    private const string MisalignedOutputVariant = "invalid: misaligned y";

    private const string InvalidCsrVariant = "invalid: bad index, NaN value, decreasing offsets";
}
