using MaxK.Harness.Site;

namespace MaxK.Tests.Site;

public sealed class SiteTableTests
{
    [Fact]
    public void CsvQuotesAndKeepsFullPrecisionWhileHtmlShowsRoundedEscapedText()
    {
        var table = new SiteTable("t 1", "Title <b>", ["name", "value"]);
        table.Add(SiteCell.T("a, \"b\""), SiteCell.Num(1.0 / 3, 2));
        table.Add(new SiteCell("<x>", "<x>", "runs/r.html", "fail"), SiteCell.Num(null, 2));

        Assert.Equal("t-1", table.Id);
        Assert.Equal("name,value\n\"a, \"\"b\"\"\",0.3333333333333333\n<x>,\n", table.ToCsv());
        var html = table.ToHtml("../");
        Assert.Contains("<td class=\"n\">0.33</td>", html);
        Assert.Contains("<td class=\"fail\"><a href=\"../runs/r.html\">&lt;x&gt;</a></td>", html);
        Assert.Contains("Title &lt;b&gt;", html);
        Assert.Contains("\"value\": 0.3333333333333333", table.ToJson());
        Assert.Throws<InvalidOperationException>(() => table.Add(SiteCell.T("only one")));
    }

    [Theory]
    [InlineData(10.0, 9.0, null, null, null, null, "better")]
    [InlineData(10.0, 11.0, null, null, null, null, "worse")]
    [InlineData(10.0, 10.2, null, null, null, null, "same")]
    [InlineData(10.0, 9.0, 8.0, 12.0, 8.5, 9.5, "same")]
    [InlineData(10.0, 9.0, 9.9, 10.1, 8.9, 9.1, "better")]
    [InlineData(10.0, 10.01, 9.999, 10.001, 10.009, 10.011, "same")]   // disjoint CIs, but +0.1 %: not practically significant
    [InlineData(10.0, 17.3, 5.0, 20.0, 10.0, 25.0, "same")]             // +73 % with overlapping CIs (a loaded CPU host): unproven
    [InlineData(10.0, 10.5, 9.99, 10.01, 10.49, 10.51, "worse")]        // disjoint and +5 %
    [InlineData(10.0, 9.69, 9.99, 10.01, 9.68, 9.70, "better")]         // disjoint and −3.1 %
    public void CompareFlagsOnlyDisjointCisAndAtLeastThreePercent(double a, double b, double? aLo, double? aHi, double? bLo, double? bHi, string expected)
    {
        Assert.Equal(expected, MaxK.Harness.Site.Pages.ComparePages.Judge(a, b, aLo, aHi, bLo, bHi).Class);
    }

    [Fact]
    public void CompareSaysWhyAChangeIsNotFlagged()
    {
        Assert.Equal("below 3 %", MaxK.Harness.Site.Pages.ComparePages.Judge(10, 10.01, 9.999, 10.001, 10.009, 10.011).Verdict);
        Assert.Equal("CIs overlap", MaxK.Harness.Site.Pages.ComparePages.Judge(10, 17.3, 5, 20, 10, 25).Verdict);
        Assert.Equal("B slower", MaxK.Harness.Site.Pages.ComparePages.Judge(10, 10.5, 9.99, 10.01, 10.49, 10.51).Verdict);
    }
}
