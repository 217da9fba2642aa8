using MaxK.Harness.Vocabulary;
using MaxK.Harness.Analysis;
using MaxK.Harness.Analysis.Claims;
using MaxK.Harness.Paper;

namespace MaxK.Harness.Site;

/// <summary>
/// Everything the pages are built from, computed once per render: the runs, their GPU groups, the paper's numbers, the
/// headline figures (headline runs only) and the claim report (<see cref="ClaimsBuilder"/>), which the claims page, the
/// index and the downloads share, as <c>maxk analyze --claims</c> does.
/// </summary>
public sealed class SiteModel
{
    private readonly Dictionary<string, SiteRun> _byPath;

    public SiteModel(IReadOnlyList<SiteRun> runs, PaperNumbers paper)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(paper);
        Runs = runs;
        Paper = paper;
        Groups = GpuGroup.From(runs);
        var analysis = runs.Select(r => r.Analysis).ToList();
        Kernels = new KernelFigures(analysis);
        Training = new TrainingFigures(analysis);
        Claims = ClaimsBuilder.Build(analysis, paper);
        _byPath = runs.ToDictionary(r => r.RelativePath, StringComparer.Ordinal);
    }

    public IReadOnlyList<SiteRun> Runs { get; }
    public IReadOnlyList<GpuGroup> Groups { get; }
    public PaperNumbers Paper { get; }
    public KernelFigures Kernels { get; }
    public TrainingFigures Training { get; }
    public ClaimReport Claims { get; }

    /// <summary>The site run of an analysis run (same relative path).</summary>
    public SiteRun Run(AnalysisRun run) => _byPath[run.Path];

    /// <summary>The site run of a result path as the claims name it, or null.</summary>
    public SiteRun? Run(string path) => _byPath.GetValueOrDefault(path);
}
