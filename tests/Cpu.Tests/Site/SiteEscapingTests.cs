using System.Text.Json.Nodes;
using MaxK.Harness.Site;

namespace MaxK.Tests.Site;

/// <summary>Strings from results render inert: a &lt;script&gt; anywhere in a result file never reaches a page as markup.</summary>
public sealed class SiteEscapingTests
{
    private const string Attack = "<script>alert(1)</script>";

    [Fact]
    public void ScriptInEveryKindOfResultStringRendersAsText()
    {
        using var scratch = new ScratchFolder();
        var source = Directory.GetFiles(SiteTestData.FixtureResults, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var doc = JsonNode.Parse(File.ReadAllText(source))!;
        doc["manifest"]!["suite"] = "suite" + Attack;
        doc["manifest"]!["host"] = "host\"><img src=x onerror=alert(2)>";
        doc["manifest"]!["gpu"] = "GPU " + Attack;
        foreach (var c in doc["cases"]!.AsArray())
        {
            c!["graph"] = "g" + Attack;
            c["graph_label"] = "label" + Attack;
            c["config"] = Attack;
        }
        foreach (var t in doc["training"]!.AsArray())
        {
            t!["dataset"] = "data" + Attack;
            t["implementation"] = Attack;
        }
        var results = scratch.File("results");
        Directory.CreateDirectory(Path.Combine(results, "evil"));
        File.WriteAllText(Path.Combine(results, "evil", "evil.json"), doc.ToJsonString());
        var site = scratch.File("site");

        Assert.Equal(1, SiteRenderer.Render(results, SiteTestData.SiteSources, site, new StringWriter()));

        var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories);
        Assert.True(pages.Length >= 6);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        }
        var all = string.Concat(pages.Select(File.ReadAllText));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", all);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", all);
    }

    [Fact]
    public void MarkdownContentHasRawHtmlDisabled()
    {
        var html = SiteContent.ToHtml("Text " + Attack + "\n\n<div onclick=\"x()\">block</div>\n");
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<div", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html);
    }
}
