using MaxK.Harness.Vocabulary;
using MaxK.Harness.Results;
using MaxK.Harness.Kernels;

namespace MaxK.Harness.Analysis;

/// <summary>A kernel record with the run it came from (so every figure links to its run).</summary>
public sealed record KernelPick(CaseRecord Case, AnalysisRun Run)
{
    public TimingProtocol Protocol => Case.Protocol;

    /// <summary>The record of the same run with the given kernel on the same graph, width and protocol (full width, timed, no error).</summary>
    public CaseRecord? Sibling(string kernel, int k = 0) => Run.Result.Cases.FirstOrDefault(c => c.Kernel == kernel && c.Graph == Case.Graph
        && c.Dim == Case.Dim && c.K == k && c.WidthK != true && c.Device == Case.Device && c.Peer == Case.Peer && c.Protocol == Protocol
        && c.Error is null && c.FigureMs is > 0);

    /// <summary>
    /// The baseline's figure over ours (<see cref="CaseRecord.FigureMs"/>: the median, or the mean under the released
    /// protocol, as its authors report it), or null without both times.
    /// </summary>
    public double? Over(CaseRecord? baseline) => baseline?.FigureMs is { } b && Case.FigureMs is { } m and > 0 ? b / m : null;
}

/// <summary>
/// The GNNAdvisor-style record a "vs GNNAdvisor" ratio uses: <see cref="KernelNames.GnnAdvisorSpmmBest"/> (the best
/// (ngs, wpb) of the set-up sweep, its config naming the choice) where the run has it, else
/// <see cref="KernelNames.GnnAdvisorSpmm"/> with its own decider, labelled so.
/// </summary>
public sealed record GnnAdvisorBaseline(CaseRecord Case, bool Best)
{
    /// <summary>"best of the (ngs, wpb) sweep: …config…" or "own decider".</summary>
    public string Label => Best ? "best of the (ngs, wpb) sweep" + (Case.Config is { Length: > 0 } c ? ": " + c : "") : "own decider";

    /// <summary>Short label for narrow cells.</summary>
    public string ShortLabel => Best ? "best of sweep" : "own decider";

    /// <summary>Picks the baseline of <paramref name="ours"/>'s run: the sweep's best, else the own decider; null when neither ran.</summary>
    public static GnnAdvisorBaseline? For(KernelPick ours) =>
        ours.Sibling(KernelNames.GnnAdvisorSpmmBest) is { } best ? new GnnAdvisorBaseline(best, true)
        : ours.Sibling(KernelNames.GnnAdvisorSpmm) is { } own ? new GnnAdvisorBaseline(own, false) : null;
}
