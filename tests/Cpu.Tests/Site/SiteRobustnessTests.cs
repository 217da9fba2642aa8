using System.Security.Cryptography;
using System.Text.Json;

namespace MaxK.Tests.Site;

/// <summary>
/// `maxk report` with awkward input and failures. At c08d25c a UTF-8 byte order mark crashed it (exit 134), a valid
/// median of 1e308 stopped it half-way (exit 2: an infinite Δ % cannot be written as JSON), and since it emptied the
/// output folder first, any failure left no site at all.
/// </summary>
public class SiteRobustnessTests
{
    private const string Run = "Fixture_GPU/2026-01-02_f1e70001/training-fixture.json";

    private static (int Exit, string Out, string Err) Report(string results, string output) =>
        Cli.Run("report", "--results", results, "--site", SiteTestData.SiteSources, "--output", output);

    private static string Results(ScratchFolder dir)
    {
        var results = dir.File("results");
        SiteTestData.Copy(SiteTestData.FixtureResults, results);
        return results;
    }

    /// <summary>Every file of a folder with the SHA-256 of its bytes.</summary>
    private static Dictionary<string, string> Snapshot(string folder) =>
        SiteTestData.Files(folder).ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, f)))));

    [Fact]
    public void AResultFileWithAByteOrderMarkRenders()
    {
        using var dir = new ScratchFolder();
        var results = Results(dir);
        var file = Path.Combine(results, Run);
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(file)]);
        var (exit, _, error) = Report(results, dir.File("site"));
        Assert.True(exit == 0, error);
        var page = File.ReadAllText(dir.File("site/runs/Fixture_GPU_2026-01-02_f1e70001_training-fixture.html"));
        Assert.Contains("<dt>harness_commit</dt>", page);
    }

    [Fact]
    public void AHugeButValidMedianRendersWithADashForTheOverflowingDelta()
    {
        using var dir = new ScratchFolder();
        var results = Results(dir);
        var file = Path.Combine(results, Run);
        var text = File.ReadAllText(file);
        var at = text.IndexOf("\"median_ms\": ", StringComparison.Ordinal);
        var end = text.IndexOf(',', at);
        File.WriteAllText(file, text[..at] + "\"median_ms\": 1e308" + text[end..]);
        var (exit, _, error) = Report(results, dir.File("site"));
        Assert.True(exit == 0, error);
        var compare = Directory.GetFiles(dir.File("site/compare"), "*__vs__*.html").Single();
        Assert.Contains("<td class=\"worse\">—</td>", File.ReadAllText(compare));
        foreach (var table in Directory.GetFiles(dir.File("site/data/tables"), "*.json"))
            JsonDocument.Parse(File.ReadAllText(table)).Dispose();
    }

    [Fact]
    public void AFailedRenderLeavesThePreviousSiteAsItWas()
    {
        using var dir = new ScratchFolder();
        var results = Results(dir);
        var site = dir.File("site");
        Assert.Equal(0, Report(results, site).Exit);
        var before = Snapshot(site);

        // A sidecar that cannot be read: the render fails while it writes the new site.
        File.CreateSymbolicLink(Path.Combine(results, "Fixture_GPU", "2026-01-02_f1e70001", "gpu-tests.xml"), dir.File("gone.xml"));
        var line = Cli.AssertUserError(Report(results, site));
        Assert.Contains("gpu-tests.xml", line);
        Assert.Equal(before, Snapshot(site));
        Assert.Equal(["results", "site"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AMissingResultsFolderIsAUserErrorAndWritesNothing()
    {
        using var dir = new ScratchFolder();
        var line = Cli.AssertUserError(Report(dir.File("no-results"), dir.File("site")));
        Assert.Contains("Results folder", line);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void AFolderTheReportDidNotMakeIsNotReplaced()
    {
        using var dir = new ScratchFolder();
        var site = dir.File("site");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "mine.txt"), "keep");
        var line = Cli.AssertUserError(Report(Results(dir), site));
        Assert.Contains("was not made by 'maxk report'", line);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(site, "mine.txt")));
    }
}
