using MaxK.Harness.Vocabulary;
using MaxK.Harness.Site;

namespace MaxK.Harness.Cli;

/// <summary>
/// Renders the run a command just wrote beside the committed results (<c>results/</c>, <c>site/</c> of the working
/// folder) into a site folder, the run marked local, and prints where it is and what to do next. Without the committed
/// results or the site sources (a bundle on a GPU host) it says so and renders nothing.
/// </summary>
public static class LocalSite
{
    public const string CommittedResults = "results";
    public const string SiteSources = "site";

    /// <param name="repoRoot">The checkout whose results/ and site/ are used (default: the working folder).</param>
    public static void Render(string resultFile, string output, TextWriter log, string repoRoot = ".")
    {
        ArgumentNullException.ThrowIfNull(log);
        var site = Path.Combine(repoRoot, SiteSources);
        if (!Directory.Exists(Path.Combine(site, "templates")))
        {
            log.WriteLine($"Site: not rendered ({Path.GetFullPath(site)} has no templates; run from a checkout of the repository).");
            return;
        }
        SiteRenderer.Render(Path.Combine(repoRoot, CommittedResults), [resultFile], site, output, log);
        var index = Path.GetFullPath(Path.Combine(output, "index.html"));
        log.WriteLine();
        log.WriteLine($"Your run is on the site beside the committed results, marked local: {index}");
        log.WriteLine("Next:");
        log.WriteLine($"  open {index}                       (works from the file system: no server, no scripts)");
        log.WriteLine($"  dotnet run --project src/Harness -- analyze {resultFile}            (Amdahl analysis and the end-to-end goals)");
        log.WriteLine($"  dotnet run --project src/Harness -- analyze --claims {CommittedResults} {resultFile}   (the paper's claims with your run)");
        // The results root: <root>/<gpu-or-host>/<utc-date>_<commit8>/<suite>.json.
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(resultFile)));
        log.WriteLine($"  ./build.sh Site --results {(string.IsNullOrEmpty(root) ? "." : root)}   (render a results folder on its own into site/_out)");
    }
}
