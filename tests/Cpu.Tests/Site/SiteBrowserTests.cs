using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MaxK.Tests.Site;

/// <summary>
/// End-to-end: every page of the site rendered from the committed results (plus the site fixtures) loads in headless
/// Debian chromium through Playwright without console or page errors or failed requests, its charts render with a
/// size, and every link resolves (the file exists and, for #anchors, the element exists). Skips with the reason
/// when /usr/bin/chromium is missing. Playwright's node driver ships in the NuGet package (bin/.playwright); no
/// browser is downloaded. Set MAXK_SITE_SCREENSHOTS=DIR to save a full-page screenshot of every page
/// (DIR/published/ for the committed results alone, DIR/with-fixtures/ with the fixtures added). The claims page is
/// checked for its rows, verdicts and the paper's GPU column, and the index for the claims page as its first link. No
/// wall-clock limit: the machine may be loaded.
/// </summary>
public sealed partial class SiteBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    // The timeout only stops a hung browser; it is far above the time the check takes (about 20 s alone on 2 cores).
    [Theory(Timeout = 600_000)]
    [InlineData("published")]
    [InlineData("with-fixtures")]
    public async Task EveryPageLoadsCleanlyWithChartsAndResolvingLinks(string variant)
    {
        if (!File.Exists(Chromium))
            Assert.Skip($"{Chromium} not found: install Debian's chromium (apt-get install -y chromium) to run the site browser test.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var shots = Environment.GetEnvironmentVariable("MAXK_SITE_SCREENSHOTS");

        using var scratch = new ScratchFolder();
        // "published": the committed results alone, as the published site; "with-fixtures": plus the training fixtures, a
        // synthetic run with loads-only floor cases (Support/FloorResults) and the two-GPU claims fixture (Support/ClaimsFixture).
        var site = variant == "published"
            ? SiteTestData.Render(scratch, SiteTestData.CommittedResults)
            : SiteTestData.Render(scratch, SiteTestData.CommittedResults, SiteTestData.FixtureResults, Support.FloorResults.WriteFolder(scratch.File("floor-results")),
                Support.ClaimsFixture.WriteFolder(scratch.File("claims-results")));
        var pages = SiteTestData.Files(site).Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count >= 10, $"only {pages.Count} pages");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var problems = new List<string>();
        var current = "";
        page.Console += (_, msg) =>
        {
            if (msg.Type is "error" or "warning")
                problems.Add($"{current}: console {msg.Type}: {msg.Text}");
        };
        page.PageError += (_, error) => problems.Add($"{current}: page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"{current}: request failed: {request.Url}");
        page.Dialog += async (_, dialog) =>
        {
            problems.Add($"{current}: dialog opened: {dialog.Message}");
            await dialog.DismissAsync();
        };

        var charts = 0;
        var cancel = TestContext.Current.CancellationToken;
        foreach (var relative in pages)
        {
            cancel.ThrowIfCancellationRequested();
            current = relative;
            var file = Path.Combine(site, relative);
            await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            Assert.Equal(1, await page.EvaluateAsync<int>("() => document.styleSheets.length"));
            var sizes = await page.EvaluateAsync<double[]>("() => Array.from(document.querySelectorAll('svg.chart')).map(s => { const r = s.getBoundingClientRect(); return Math.min(r.width, r.height); })");
            Assert.All(sizes, s => Assert.True(s > 100, $"{relative}: a chart rendered {s} px small"));
            charts += sizes.Length;
            if (relative == "kernels.html" || (relative == "training.html" && variant != "published"))
                Assert.True(sizes.Length > 0, $"{relative} has no chart");
            if (relative == "claims.html")
            {
                // Every claim a row, each naming the paper's GPU column and a verdict; the GPUs side by side.
                var claimRows = await page.EvaluateAsync<int>("() => document.querySelectorAll('table.claims tbody tr').length");
                Assert.True(claimRows >= 10, $"claims.html shows {claimRows} claim rows");
                Assert.Equal(claimRows, await page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('table.claims tbody tr')).filter(r => /holds|exceeded|not reproduced|not measured/.test(r.textContent)).length"));
                var headers = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelector('table.claims thead').querySelectorAll('th')).map(h => h.textContent)");
                Assert.Contains("paper (A100)", headers);
                Assert.Contains("ours H200", headers);
                if (variant != "published")
                    Assert.Contains("ours H100", headers);
            }
            if (relative == "index.html")
                Assert.Equal("claims.html", await page.EvaluateAsync<string>("() => document.querySelector('main a[href]').getAttribute('href')"));
            var links = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('a[href], link[href]')).map(a => a.getAttribute('href'))");
            foreach (var href in links)
                CheckLink(site, relative, href, problems);
            var ids = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('[id]')).map(e => e.id)");
            var duplicates = ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (duplicates.Count > 0)
                problems.Add($"{relative}: duplicate ids {string.Join(", ", duplicates)}");
            if (!string.IsNullOrEmpty(shots))
            {
                Directory.CreateDirectory(Path.Combine(shots, variant));
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, variant, relative.Replace('/', '_').Replace(".html", ".png", StringComparison.Ordinal)), FullPage = true });
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(charts > 30, $"only {charts} charts");
        if (variant == "published")
            Assert.Contains("Epoch time by phase: csbm-reddit", File.ReadAllText(Path.Combine(site, "training.html")));
        // A figure, not a limit: on a loaded 2-core machine the same check takes twice as long.
        TestContext.Current.TestOutputHelper?.WriteLine($"site browser check ({variant}): {pages.Count} pages, {charts} charts, render and load {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static void CheckLink(string site, string fromPage, string href, List<string> problems)
    {
        if (Scheme().IsMatch(href))
        {
            problems.Add($"{fromPage}: external or scheme link {href}");
            return;
        }
        var hash = href.IndexOf('#', StringComparison.Ordinal);
        var target = hash < 0 ? href : href[..hash];
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(href[(hash + 1)..]);
        var path = target.Length == 0
            ? Path.Combine(site, fromPage)
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(site, fromPage))!, Uri.UnescapeDataString(target)));
        if (!path.StartsWith(Path.GetFullPath(site), StringComparison.Ordinal))
            problems.Add($"{fromPage}: link leaves the site: {href}");
        else if (!File.Exists(path))
            problems.Add($"{fromPage}: broken link {href}");
        else if (anchor is { Length: > 0 } && !File.ReadAllText(path).Contains($"id=\"{anchor}\"", StringComparison.Ordinal))
            problems.Add($"{fromPage}: missing anchor {href}");
    }

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();
}
