using System.Globalization;

namespace MaxK.Tests.Site;

/// <summary>The same results give a byte-identical site, whatever the current culture.</summary>
public sealed class SiteDeterminismTests
{
    [Fact]
    public void RenderingTwiceGivesIdenticalBytesEvenUnderAnotherCulture()
    {
        using var a = new ScratchFolder();
        using var b = new ScratchFolder();
        var siteA = SiteTestData.Render(a, SiteTestData.CommittedResults, SiteTestData.FixtureResults);
        var before = CultureInfo.CurrentCulture;
        string siteB;
        try
        {
            // A culture with a decimal comma and dot grouping (built from the invariant one: CI runs in globalization-invariant mode).
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = comma;
            siteB = SiteTestData.Render(b, SiteTestData.CommittedResults, SiteTestData.FixtureResults);
            Assert.Same(comma, CultureInfo.CurrentCulture);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
        var files = SiteTestData.Files(siteA);
        Assert.Equal(files, SiteTestData.Files(siteB));
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(siteA, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(siteB, file))), $"{file} differs between two renders");
    }

    [Fact]
    public void RerenderingIntoTheSameFolderReplacesItButAForeignFolderIsRefused()
    {
        using var scratch = new ScratchFolder();
        var site = SiteTestData.Render(scratch, SiteTestData.FixtureResults);
        File.WriteAllText(Path.Combine(site, "stale.html"), "old");
        MaxK.Harness.Site.SiteRenderer.Render(scratch.File("results"), SiteTestData.SiteSources, site, new StringWriter());
        Assert.False(File.Exists(Path.Combine(site, "stale.html")));

        var foreign = scratch.File("foreign");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "keep.txt"), "mine");
        var ex = Assert.Throws<MaxK.Harness.HarnessException>(() => MaxK.Harness.Site.SiteRenderer.Render(scratch.File("results"), SiteTestData.SiteSources, foreign, new StringWriter()));
        Assert.Contains("was not made by 'maxk report'", ex.Message);
        Assert.True(File.Exists(Path.Combine(foreign, "keep.txt")));
    }
}
