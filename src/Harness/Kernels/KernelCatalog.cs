using MaxK.Harness.Kernels.Descriptors;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Kernels;

/// <summary>
/// Every kernel the harness knows, one descriptor each (<see cref="KernelDescriptor"/>). Commands, suites, the runner,
/// analysis and the site ask this catalogue; no other code spells a kernel id.
/// </summary>
public static class KernelCatalog
{
    /// <summary>
    /// The kernels in catalogue order: the order of the cases of a plan (<see cref="Plan"/>) and of kernel lists in
    /// messages. New kernels go at the end.
    /// </summary>
    public static IReadOnlyList<KernelDescriptor> All { get; } =
    [
        new DenseSpmmKernel(),
        new MaxKSelectKernel(),
        new MaxKForwardKernel(),
        new MaxKBackwardKernel(),
        new CuSparseSpmmAlg2Kernel(),
        new CuSparseSpmmAlg3Kernel(),
        new GnnAdvisorSpmmKernel(),
        new DeviceCopyKernel(),
        new MaxKForwardFloorKernel(),
        new MaxKBackwardFloorKernel(),
        new MaxKBackwardScatterKernel(),
        new GnnAdvisorSpmmBestKernel(),
        new ReleasedForwardKernel(),
        new ReleasedBackwardKernel(),
        new ReleasedCuSparseKernel(),
    ];

    /// <summary>The first descriptor of each id: the kernel's own implementation (another implementation of the same kernel, e.g. a peer's, comes later).</summary>
    private static readonly Dictionary<string, KernelDescriptor> ById = All.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>
    /// The descriptor of <paramref name="kernel"/> (its first implementation: kernel-wide facts such as role, diagnostic
    /// and inputs), or null for an id outside the catalogue (e.g. from an older file).
    /// </summary>
    public static KernelDescriptor? Find(string kernel) => ById.GetValueOrDefault(kernel ?? "");

    /// <summary>The descriptor of <paramref name="kernel"/>; an unknown id is a <see cref="HarnessException"/>.</summary>
    public static KernelDescriptor Get(string kernel) =>
        Find(kernel) ?? throw new HarnessException($"Unknown kernel '{kernel}'. Known: {string.Join(", ", All.Select(d => d.Id))}.");

    /// <summary>The descriptor that runs case <paramref name="c"/> on <paramref name="device"/> (its kernel and implementation).</summary>
    public static KernelDescriptor For(KernelCase c, ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(c);
        return All.FirstOrDefault(d => d.Id == c.Kernel && d.Implementation(device) == c.Implementation)
            ?? throw new HarnessException($"Kernel '{c.Kernel}' has no {Words.Of(device)} implementation '{c.Implementation}'.");
    }

    /// <summary>True when <paramref name="c"/> is a case of a peer implementation (<see cref="KernelDescriptor.IsPeer"/>).</summary>
    public static bool IsPeer(KernelCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return All.Any(d => d.IsPeer && d.Id == c.Kernel && d.GpuImplementation == c.Implementation);
    }

    /// <summary>The peer implementation ids a section may list ("peers").</summary>
    public static IReadOnlyList<string> PeerImplementations { get; } = [.. All.Where(d => d.IsPeer).Select(d => d.GpuImplementation!).Distinct(StringComparer.Ordinal)];

    /// <summary>The ids of the kernels with cases on <paramref name="device"/>, in catalogue order.</summary>
    public static IReadOnlyList<string> Ids(ComputeDevice device) => [.. All.Where(d => d.RunsOn(device) && !d.IsPeer).Select(d => d.Id).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Every kernel's cases on one graph, in run order: first the cases without k, then for each k (in the request's
    /// order) that k's cases, the width-k references last; within each group in catalogue order. On the GPU the cuSPARSE
    /// ALG2 baseline comes first.
    /// </summary>
    public static IReadOnlyList<KernelCase> Plan(ComputeDevice device, KernelPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ks = request.Ks.ToList();
        return [.. All.SelectMany((d, order) => d.Plan(device, request).Select(c => (Case: c, Order: order)))
            .OrderBy(e => e.Case.K == 0 && !e.Case.WidthK ? -1 : ks.IndexOf(e.Case.K))
            .ThenBy(e => e.Case.WidthK ? 1 : 0)
            .ThenBy(e => e.Order)
            .Select(e => e.Case)];
    }
}
