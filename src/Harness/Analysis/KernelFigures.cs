using MaxK.Harness.Vocabulary;
using MaxK.Harness.Results;
using MaxK.Harness.Kernels;

namespace MaxK.Harness.Analysis;

/// <summary>
/// The kernel figures headline tables and claims use, from headline runs only (<see cref="RunRole.Headline"/>): for a
/// GPU, kernel, graph, width D and k, the record of the newest headline run that timed it (verified, no error, not
/// diagnostic, full width). "Ours" are this harness's kernels under its default protocol
/// (<see cref="TimingProtocol.CudaEventsL2Flushed"/>); the released MaxK-GNN kernels (<see cref="KernelNames.MaxkGnnReleased"/>)
/// and ours under their protocol are separate look-ups, never mixed into ours. Ratios are taken within one run and one
/// protocol.
/// </summary>
public sealed class KernelFigures
{
    private readonly List<AnalysisRun> _headline;

    public KernelFigures(IEnumerable<AnalysisRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        _headline = [.. AnalysisRun.NewestFirst(runs.Where(r => r.Role == RunRole.Headline))];
    }

    /// <summary>GPUs with at least one CUDA kernel record in a headline run, ordinal order.</summary>
    public IReadOnlyList<string> Gpus => [.. _headline.Where(r => r.Result.Cases.Any(c => c.Device == "cuda")).Select(r => r.Gpu).Distinct().Order(StringComparer.Ordinal)];

    private static bool Usable(CaseRecord c) => c.Error is null && c.FigureMs is > 0 && c.Diagnostic != true && c.WidthK != true;

    private static bool IsOurs(CaseRecord c) => !c.Peer && (c.Verified) && c.Protocol == TimingProtocol.CudaEventsL2Flushed;

    private KernelPick? Newest(string gpu, Func<CaseRecord, bool> select) =>
        _headline.Where(r => r.Gpu == gpu).SelectMany(r => r.Result.Cases.Where(c => Usable(c) && select(c)).Select(c => new KernelPick(c, r))).FirstOrDefault();

    /// <summary>Our record of a kernel on a graph at width D and k (k = 0 for the SpMM baselines), newest headline run.</summary>
    /// <remarks>A real graph's record is named by its source spec (dataset:reddit); <paramref name="graph"/> may be that spec or its bare name.</remarks>
    public KernelPick? Ours(string gpu, string kernel, string graph, int dim, int k) =>
        Newest(gpu, c => IsOurs(c) && c.Kernel == kernel && (c.Graph == graph || Paper.PaperNumbers.BareName(c.Graph) == graph) && c.Dim == dim && c.K == k);

    /// <summary>Every configuration (graph, D, k) of our <paramref name="kernel"/> on a GPU, each from its newest headline run.</summary>
    public IReadOnlyList<KernelPick> OursAll(string gpu, string kernel) =>
        [.. _headline.Where(r => r.Gpu == gpu)
            .SelectMany(r => r.Result.Cases.Where(c => Usable(c) && IsOurs(c) && c.Kernel == kernel && c.Device == "cuda").Select(c => new KernelPick(c, r)))
            .GroupBy(p => (p.Case.Graph, p.Case.Dim, p.Case.K)).Select(g => g.First())];

    /// <summary>cuSPARSE ALG2's median over ours, from the same run and protocol.</summary>
    public static double? VsCuSparse(KernelPick ours) => ours.Over(ours.Sibling(KernelNames.CuSparseSpmmAlg2));

    /// <summary>The GNNAdvisor-style baseline's median over ours (<see cref="GnnAdvisorBaseline.For"/>), with the baseline used.</summary>
    public static (double? Speedup, GnnAdvisorBaseline? Baseline) VsGnnAdvisor(KernelPick ours)
    {
        var b = GnnAdvisorBaseline.For(ours);
        return (ours.Over(b?.Case), b);
    }

    /// <summary>The released code's record (<see cref="KernelNames.MaxkGnnReleased"/>) of a kernel on a graph, newest headline run.</summary>
    public KernelPick? Released(string gpu, string kernel, string graph, int dim, int k) =>
        Newest(gpu, c => c.Peer && c.Kernel == kernel && c.Graph == graph && c.Dim == dim && c.K == k);

    /// <summary>The released code's speed-up over its own cuSPARSE baseline (<see cref="KernelNames.CuSparseSpmmDefault"/>), same run and protocol.</summary>
    public static double? ReleasedSpeedup(KernelPick released) => released.Over(released.Sibling(KernelNames.CuSparseSpmmDefault));

    /// <summary>Our record timed with the released code's protocol (<see cref="TimingProtocol.ReleasedHostMean4"/>), newest headline run.</summary>
    public KernelPick? OursUnderReleasedProtocol(string gpu, string kernel, string graph, int dim, int k) =>
        Newest(gpu, c => !c.Peer && c.Verified && c.Protocol == TimingProtocol.ReleasedHostMean4 && c.Kernel == kernel && c.Graph == graph
            && c.Dim == dim && c.K == k);
}
