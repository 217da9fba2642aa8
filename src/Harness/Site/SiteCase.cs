using MaxK.Harness.Vocabulary;
using MaxK.Harness.Analysis;
using MaxK.Harness.Kernels;
using MaxK.Harness.Results;

namespace MaxK.Harness.Site;

/// <summary>A kernel case together with the run it came from (so every number links to its run page).</summary>
public sealed record SiteCase(CaseRecord Case, SiteRun Run)
{
    /// <summary>Another case of the same run by id (e.g. the case's speed-up baseline).</summary>
    public CaseRecord? InRun(string? id) => id is null ? null : Run.Result.Cases.FirstOrDefault(c => c.Id == id);

    /// <summary>A case of the same run with the given kernel, graph, device, width and protocol (width-k records excluded).</summary>
    public CaseRecord? Sibling(string kernel, int dim) => Run.Result.Cases.FirstOrDefault(c =>
        c.Kernel == kernel && c.Graph == Case.Graph && c.Device == Case.Device && c.Dim == dim && c.WidthK != true && c.MedianMs is > 0
        && !c.Peer && c.Protocol == Case.Protocol);

    /// <summary>The case with its run as the analysis sees it.</summary>
    public KernelPick Pick => new(Case, Run.Analysis);

    /// <summary>True for a diagnostic case (a loads-only floor): never a result, so never a speed-up.</summary>
    public bool IsDiagnostic => Case.Diagnostic == true;

    /// <summary>Whether this case compares with the SpMM baselines at all (<see cref="KernelNames.IsSpmm"/>, not diagnostic).</summary>
    private bool IsSpmm => !IsDiagnostic && KernelNames.IsSpmm(Case.Kernel);

    /// <summary>Speed-up against cuSPARSE ALG2 on the same graph at the full width D, as recorded, within one protocol; null without that baseline and for a case that is no SpMM (the copy, selection, a floor).</summary>
    public double? VsAlg2 => IsSpmm && InRun(Case.SpeedupBaseline) is { Kernel: KernelNames.CuSparseSpmmAlg2 } b && b.Protocol == Case.Protocol ? Case.Speedup : null;

    /// <summary>
    /// Speed-up against the GNNAdvisor-style kernel on the same graph at the same D (its median over ours): the best of its
    /// (ngs, wpb) sweep where the run has it, else its own decider (<see cref="GnnAdvisorBaseline"/>); null for a case that is no SpMM.
    /// </summary>
    public double? VsGnnAdvisor => IsSpmm && Case.WidthK != true && Case.Kernel is not (KernelNames.GnnAdvisorSpmm or KernelNames.GnnAdvisorSpmmBest)
        ? KernelFigures.VsGnnAdvisor(Pick).Speedup : null;

    /// <summary>The GNNAdvisor-style baseline <see cref="VsGnnAdvisor"/> uses, or null.</summary>
    public GnnAdvisorBaseline? GnnAdvisor => GnnAdvisorBaseline.For(Pick);
}
