using System.Text;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Results;

namespace MaxK.Harness.Site.Pages;

/// <summary>downloads.html: every table of the site as CSV and JSON, and every result file unchanged.</summary>
public static class DownloadsPage
{
    public static SitePage Build(IReadOnlyList<SitePage> pages, IReadOnlyList<SiteRun> runs, SiteContent content)
    {
        var page = new SitePage("downloads.html", "downloads", "Downloads");
        page.IntroHtml = content.Page("downloads");
        var tables = new StringBuilder("<ul class=\"downloads\">\n");
        foreach (var p in pages)
        {
            foreach (var t in p.Tables)
                tables.Append($"<li><a href=\"{Html.E(p.Path)}#table-{Html.E(t.Id)}\">{Html.E(t.Title)}</a> ({Html.Count(t.Rows.Count)} rows): <a href=\"{Html.E(t.CsvPath)}\">CSV</a> · <a href=\"{Html.E(t.JsonPath)}\">JSON</a></li>\n");
            foreach (var t in p.DownloadOnly)
                tables.Append($"<li>{Html.E(t.Title)} ({Html.Count(t.Rows.Count)} rows, download only): <a href=\"{Html.E(t.CsvPath)}\">CSV</a> · <a href=\"{Html.E(t.JsonPath)}\">JSON</a></li>\n");
        }
        tables.Append("</ul>\n");
        var claims = $"<ul class=\"downloads\">\n<li><a href=\"{ClaimsPage.JsonPath}\">claims.json</a>: one object per claim of the paper (paper value and GPU, released code and ours per GPU, data, "
            + $"ratio, verdict, cause, protocols, source runs) · <a href=\"{ClaimsPage.CsvPath}\">claims.csv</a> (the same rows) · <a href=\"claims.html\">the claims page</a></li>\n</ul>\n";
        var files = new StringBuilder("<ul class=\"downloads\">\n");
        foreach (var r in runs)
        {
            files.Append($"<li><a href=\"{Html.E(RunPage.DataPath(r))}\">{Html.E(r.RelativePath)}</a> ({Html.Count(r.RawJson.Length)} bytes; {Html.E(r.Role.Word())}{(r.Local ? ", local" : "")}; <a href=\"{Html.E(r.Page)}\">run page</a>)");
            foreach (var name in r.SidecarFiles)
                files.Append($" · <a href=\"{Html.E(RunPage.SidecarPath(r, name))}\">{Html.E(name)}</a>");
            files.Append("</li>\n");
        }
        files.Append("</ul>\n");
        page.Sections.Add(new SiteSection("claims", "Claims", claims));
        page.Sections.Add(new SiteSection("result-files", "Result files", files.ToString()));
        page.Sections.Add(new SiteSection("tables", "Tables", tables.ToString()));
        return page;
    }
}
