using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site;

/// <summary>
/// One page of the site: its path relative to the site root, the template that lays it out, a title, an intro
/// (HTML from content Markdown), sections, and the tables it shows (all offered as downloads).
/// </summary>
public sealed class SitePage(string path, string template, string title)
{
    public string Path { get; } = path;
    public string Template { get; } = template;
    public string Title { get; } = title;
    public string IntroHtml { get; set; } = "";
    public List<SiteSection> Sections { get; } = [];
    public List<SiteTable> Tables { get; } = [];

    /// <summary>Tables offered only as downloads (CSV and JSON), not shown on the page: too long to read there.</summary>
    public List<SiteTable> DownloadOnly { get; } = [];

    /// <summary>Relative path from this page to the site root ("" or "../").</summary>
    public string Root => string.Concat(Enumerable.Repeat("../", Path.Count(c => c == '/')));

    /// <summary>Registers a table for the downloads only (not shown on this page) and returns it.</summary>
    public SiteTable Offer(SiteTable table)
    {
        DownloadOnly.Add(table);
        return table;
    }

    /// <summary>Every table of the page, shown or offered.</summary>
    public IEnumerable<SiteTable> AllTables => Tables.Concat(DownloadOnly);

    /// <summary>Registers a table for the downloads and returns its HTML for this page.</summary>
    public string Table(SiteTable table)
    {
        Tables.Add(table);
        return table.ToHtml(Root);
    }
}
