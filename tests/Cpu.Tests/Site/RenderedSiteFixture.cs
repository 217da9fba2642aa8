namespace MaxK.Tests.Site;

/// <summary>One site rendered from the committed results plus the site fixtures, shared by the tests of a class.</summary>
public sealed class RenderedSiteFixture : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public RenderedSiteFixture() => Folder = SiteTestData.Render(_scratch, SiteTestData.CommittedResults, SiteTestData.FixtureResults);

    public string Folder { get; }

    public void Dispose() => _scratch.Dispose();
}
