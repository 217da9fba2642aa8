namespace MaxK.Tests.Site;

/// <summary>
/// Snapshot tests: pages rendered from the site fixtures alone must equal the committed snapshots in
/// tests/Cpu.Tests/Fixtures/site/snapshots. After an intended change, regenerate them with
/// MAXK_UPDATE_SITE_SNAPSHOTS=1 and review the diff.
/// </summary>
public sealed class SiteSnapshotTests
{
    public static TheoryData<string> Pages() =>
    [
        "index.html",
        "claims.html",
        "training.html",
        "kernels.html",
        "compare/Fixture_GPU_2026-01-01_f1e70000_training-fixture__vs__Fixture_GPU_2026-01-02_f1e70001_training-fixture.html",
        "runs/Fixture_GPU_2026-01-02_f1e70001_training-fixture.html",
        "data/tables/index-gpu-Fixture-GPU--test-data-e2e.csv",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public void PageMatchesSnapshot(string page)
    {
        using var scratch = new ScratchFolder();
        var site = SiteTestData.Render(scratch, SiteTestData.FixtureResults);
        var actual = File.ReadAllText(Path.Combine(site, page));
        var snapshot = Path.Combine(SiteTestData.Snapshots, page.Replace('/', '_'));
        if (Environment.GetEnvironmentVariable("MAXK_UPDATE_SITE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(SiteTestData.Snapshots);
            File.WriteAllText(snapshot, actual);
        }
        Assert.True(File.Exists(snapshot), $"no snapshot {snapshot}: run with MAXK_UPDATE_SITE_SNAPSHOTS=1 and review it");
        var expected = File.ReadAllText(snapshot);
        if (expected == actual)
            return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        Assert.Fail($"{page} differs from {snapshot} at line {line + 1}:\n expected: {(line < e.Length ? e[line] : "<end>")}\n actual:   {(line < a.Length ? a[line] : "<end>")}\n(MAXK_UPDATE_SITE_SNAPSHOTS=1 regenerates after an intended change)");
    }
}
