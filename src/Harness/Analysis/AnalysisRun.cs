using MaxK.Harness.Vocabulary;
using MaxK.Harness.Results;

namespace MaxK.Harness.Analysis;

/// <summary>
/// One result file as the analysis sees it: where it is (<see cref="Path"/>, as the caller names it: relative to the
/// results folder on the site, as given on the command line for <c>maxk analyze</c>), what it holds, and its role.
/// Training records are linked to their ReLU baselines (<see cref="TrainingBaselines.Link"/>), as every writer does.
/// </summary>
public sealed class AnalysisRun
{
    public AnalysisRun(string path, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(result);
        Path = path.Replace('\\', '/');
        Result = result;
        Role = result.Manifest.EffectiveRole;
        Training = TrainingBaselines.Link(result.Training);
    }

    public string Path { get; }
    public RunResult Result { get; }
    public RunRole Role { get; }

    /// <summary>The training records with speed-up and Amdahl fields against their baseline in this file.</summary>
    public IReadOnlyList<TrainingRecord> Training { get; }

    /// <summary>The GPU of the run, or "CPU only".</summary>
    public string Gpu => Result.Manifest.Gpu ?? CpuOnly;

    /// <summary>The name the analysis gives runs without a GPU.</summary>
    public const string CpuOnly = "CPU only";

    public DateTimeOffset Started => Result.Manifest.StartedUtc;

    /// <summary>The run folder (the path without the file name).</summary>
    public string Folder => Path.Contains('/', StringComparison.Ordinal) ? Path[..Path.LastIndexOf('/')] : "";

    /// <summary>Runs newest first: by start time, then path (ordinal, descending), so ties resolve the same way every time.</summary>
    public static IEnumerable<AnalysisRun> NewestFirst(IEnumerable<AnalysisRun> runs) =>
        runs.OrderByDescending(r => r.Started).ThenByDescending(r => r.Path, StringComparer.Ordinal);
}
