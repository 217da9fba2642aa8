using MaxK.Harness;
using MaxK.Harness.Cli;
using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Site;
using MaxK.Tests.Support;

namespace MaxK.Tests.Site;

/// <summary>Your own run on your own site: a local result rendered beside the committed results, marked local everywhere it is named.</summary>
public sealed class SiteLocalRunTests
{
    private static string WriteLocal(ScratchFolder scratch)
    {
        var file = scratch.File("artifacts/results/Floor_GPU/2026-02-03_f100d000/default.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        AtomicFile.WriteAllText(file, ResultJson.Serialize(FloorResults.Create()));
        return file;
    }

    [Fact]
    public void ALocalRunRendersBesideTheCommittedResultsMarkedLocal()
    {
        using var scratch = new ScratchFolder();
        var committed = ClaimsFixture.WriteFolder(scratch.File("results"));
        var local = WriteLocal(scratch);
        var site = scratch.File("site");
        var log = new StringWriter();
        Assert.Equal(15, SiteRenderer.Render(committed, [local], SiteTestData.SiteSources, site, log));
        Assert.Contains("(1 local)", log.ToString());

        var runPage = File.ReadAllText(Path.Combine(site, "runs", "local_Floor_GPU_2026-02-03_f100d000_default.html"));
        Assert.Contains("<code>local/Floor_GPU/2026-02-03_f100d000/default.json</code> <strong class=\"warn\">(a local run, not committed)</strong>", runPage);
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("2026-02-03_f100d000/default (local)", index);
        Assert.Contains("headline · local", index);
        Assert.Contains("<strong>Local</strong>: this site also shows 1 run(s) of your own, not committed", index);
        Assert.Contains("<h2>Floor GPU (test data) ", index);
        Assert.Contains("<h2>NVIDIA H200 ", index);
    }

    [Fact]
    public void ALocalFileInsideTheResultsFolderIsReadOnceAsLocal()
    {
        using var scratch = new ScratchFolder();
        var committed = ClaimsFixture.WriteFolder(scratch.File("results"));
        var inside = Path.Combine(committed, "NVIDIA_H200", "2027-01-01_c1a10001", "kernels.json");
        var runs = SiteRunLoader.Load(committed, [inside], new StringWriter());
        Assert.Equal(14, runs.Count);
        var local = Assert.Single(runs, r => r.Local);
        Assert.Equal("local/NVIDIA_H200/2027-01-01_c1a10001/kernels.json", local.RelativePath);
        Assert.Throws<HarnessException>(() => SiteRunLoader.Load(committed, [scratch.File("nowhere.json")], new StringWriter()));
    }

    [Fact]
    public void TheBenchmarkRendersItsRunAndPrintsThePathAndTheNextCommands()
    {
        using var scratch = new ScratchFolder();
        var local = WriteLocal(scratch);
        var output = scratch.File("artifacts/site");
        var log = new StringWriter();
        LocalSite.Render(local, output, log, SiteTestData.RepoRoot);
        var text = log.ToString();
        var index = Path.GetFullPath(Path.Combine(output, "index.html"));
        Assert.True(File.Exists(index));
        Assert.Contains($"Your run is on the site beside the committed results, marked local: {index}", text);
        Assert.Contains($"analyze {local}", text);
        Assert.Contains("analyze --claims results", text);
        Assert.Contains("./build.sh Site --results ", text);
        Assert.Contains("2026-02-03_f100d000/default (local)", File.ReadAllText(index));
        // Without the site sources (a bundle on a GPU host) nothing is rendered, and it says why.
        var bare = new StringWriter();
        LocalSite.Render(local, scratch.File("elsewhere"), bare, scratch.File("no-checkout"));
        Assert.Contains("Site: not rendered", bare.ToString());
        Assert.False(Directory.Exists(scratch.File("elsewhere")));
    }

    [Fact]
    public void TheBuildScriptRendersTheBenchmarkRunAndTheSiteTargetTakesAResultsFolder()
    {
        var cake = File.ReadAllText(Path.Combine(SiteTestData.RepoRoot, "build", "build.cake"));
        Assert.Contains("--site artifacts/site", cake);
        Assert.Contains("var results = Argument(\"results\", \"results\");", cake);
        Assert.Contains("report --results \\\"{results}\\\" --output site/_out", cake);
    }
}
