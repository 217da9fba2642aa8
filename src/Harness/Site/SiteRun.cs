using MaxK.Harness.Vocabulary;
using MaxK.Harness.Analysis;
using MaxK.Harness.Results;

namespace MaxK.Harness.Site;

/// <summary>
/// One result file as the site sees it: the parsed kernel result, its training records, where it came from
/// (path relative to the results folder) and the names the site gives it.
/// </summary>
public sealed record SiteRun
{
    /// <summary>Path relative to the results folder with '/' separators, e.g. NVIDIA_H200/2026-11-29_1e2b68b8/default.json.</summary>
    public required string RelativePath { get; init; }
    public required RunResult Result { get; init; }

    /// <summary>The same file as the analysis sees it (role, linked training records); its path is <see cref="RelativePath"/>.</summary>
    public required AnalysisRun Analysis { get; init; }

    /// <summary>headline, diagnostic or probe (<see cref="RunRoles.Of"/>): only headline runs fill headline tables.</summary>
    public RunRole Role => Analysis.Role;

    /// <summary>True for a run rendered from outside the committed results (<c>maxk report --local</c>): not committed, marked "local" wherever it is named.</summary>
    public bool Local { get; init; }
    /// <summary>The file's training records (<see cref="Result"/>'s; <see cref="SiteRunLoader"/> drops absent and null ones).</summary>
    public IReadOnlyList<TrainingRecord> Training => Result.Training;

    /// <summary>The file's bytes (without a UTF-8 byte order mark), offered as a download unchanged otherwise.</summary>
    public required byte[] RawJson { get; init; }

    /// <summary>Files beside the result in its run folder (GPU test reports, verify logs), relative names, ordinal order.</summary>
    public required IReadOnlyList<string> SidecarFiles { get; init; }

    /// <summary>Absolute folder of the result file.</summary>
    public required string Folder { get; init; }

    /// <summary>Unique file-name-safe name derived from the relative path.</summary>
    public string Slug => Html.Slug(RelativePath[..^".json".Length].Replace('/', '_'));

    /// <summary>The run page, relative to the site root.</summary>
    public string Page => $"runs/{Slug}.html";

    /// <summary>The GPU the run used, or "CPU only" when it had none.</summary>
    public string GpuName => Result.Manifest.Gpu ?? "CPU only";

    /// <summary>The file name without extension (suite and part), e.g. kernels-24-graph-presets-part1.</summary>
    public string Series => Path.GetFileNameWithoutExtension(RelativePath);

    /// <summary>Run folder and file, e.g. 2026-11-29_1e2b68b8/default (with " (local)" for a local run): how the site names a run.</summary>
    public string Label
    {
        get
        {
            var parts = RelativePath[..^".json".Length].Split('/');
            return (parts.Length >= 2 ? parts[^2] + "/" + parts[^1] : parts[^1]) + (Local ? " (local)" : "");
        }
    }

    public DateTimeOffset Started => Result.Manifest.StartedUtc;
}
