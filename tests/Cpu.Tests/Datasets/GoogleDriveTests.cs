using System.Net;
using System.Security.Cryptography;
using System.Text;
using MaxK.Datasets;
using MaxK.Datasets.Fetching;

namespace MaxK.Tests.Datasets;

/// <summary>
/// Google Drive's virus-scan interstitial, parsed from page samples and followed against a loopback server that serves
/// both the page and the file (no network to Google here).
/// </summary>
public sealed class GoogleDriveTests
{
    /// <summary>The current page (2024–2026): a GET form to drive.usercontent.google.com with id, export, confirm and uuid.</summary>
    internal static string ScanWarningPage(string action, string id, string uuid) => $$"""
        <!DOCTYPE html><html><head><title>Google Drive - Virus scan warning</title><meta http-equiv="content-type" content="text/html; charset=utf-8"/>
        <style nonce="x">.goog-inline-block{position:relative;display:-moz-inline-box;display:inline-block}</style></head>
        <body><div class="uc-main"><div id="uc-text"><p class="uc-warning-caption">Google Drive can't scan this file for viruses.</p>
        <p class="uc-warning-subcaption"><span class="uc-name-size"><a href="/open?id={{id}}">maxk_graphs.tar.gz</a> (1.3G)</span> is too large for
        Google to scan for viruses. Would you still like to download this file?</p>
        <form id="download-form" action="{{action}}" method="get"><input type="submit" id="uc-download-link" class="goog-inline-block jfk-button jfk-button-action" value="Download anyway"/>
        <input type="hidden" name="id" value="{{id}}"><input type="hidden" name="export" value="download"><input type="hidden" name="confirm" value="t">
        <input type="hidden" name="uuid" value="{{uuid}}"></form></div></div><div class="uc-footer"><hr class="uc-footer-divider"></div></body></html>
        """;

    [Fact]
    public void The_current_form_gives_the_usercontent_url_with_every_field()
    {
        var page = ScanWarningPage("https://drive.usercontent.google.com/download", "1rSrxfZcdhjlMsJNXwUUWCaqytX4aUHWc", "6a7f1a8e-0000-4b1c-9d3e-3f2d1c0b9a8e");
        var url = GoogleDriveConfirmation.FindDownloadUrl(page, new Uri("https://drive.google.com/uc?export=download&id=1rSrxfZcdhjlMsJNXwUUWCaqytX4aUHWc"));
        Assert.Equal("https://drive.usercontent.google.com/download?id=1rSrxfZcdhjlMsJNXwUUWCaqytX4aUHWc&export=download&confirm=t&uuid=6a7f1a8e-0000-4b1c-9d3e-3f2d1c0b9a8e",
            url!.AbsoluteUri);
    }

    [Fact]
    public void The_older_link_with_a_confirm_token_is_followed_relative_to_the_page()
    {
        const string page = """<a id="uc-download-link" class="goog-inline-block jfk-button jfk-button-action" href="/uc?export=download&amp;confirm=Xy_z&amp;id=ABC">Download anyway</a>""";
        var url = GoogleDriveConfirmation.FindDownloadUrl(page, new Uri("https://drive.google.com/uc?export=download&id=ABC"));
        Assert.Equal("https://drive.google.com/uc?export=download&confirm=Xy_z&id=ABC", url!.AbsoluteUri);
    }

    [Fact]
    public void A_quota_page_offers_nothing()
    {
        const string page = "<html><body><p>Too many users have viewed or downloaded this file recently. Please try accessing the file again later.</p></body></html>";
        Assert.Null(GoogleDriveConfirmation.FindDownloadUrl(page, new Uri("https://drive.google.com/uc?id=A")));
        Assert.Equal("https://drive.google.com/uc?export=download&id=1rSrxfZcdhjlMsJNXwUUWCaqytX4aUHWc",
            GoogleDriveConfirmation.DownloadUrl("1rSrxfZcdhjlMsJNXwUUWCaqytX4aUHWc").AbsoluteUri);
    }

    /// <summary>Serves <c>uc</c> as the warning page and <c>download</c> as the file only with confirm=t and the page's uuid.</summary>
    internal static void ServeDrive(LoopbackHttpServer server, byte[] file, bool quotaExceeded = false)
    {
        const string uuid = "0f0e0d0c-1111-2222-3333-444455556666";
        server.Custom = context =>
        {
            var request = context.Request;
            var response = context.Response;
            var path = request.Url!.AbsolutePath.TrimStart('/');
            if (path == "uc")
            {
                var html = quotaExceeded ? "<html><body>Too many users have viewed or downloaded this file recently.</body></html>"
                    : ScanWarningPage(server.BaseUrl + "download", request.QueryString["id"]!, uuid);
                Write(response, 200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));
                return true;
            }
            if (path != "download")
                return false;
            if (request.QueryString["confirm"] != "t" || request.QueryString["uuid"] != uuid)
            {
                Write(response, 200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(ScanWarningPage(server.BaseUrl + "download", "?", uuid)));
                return true;
            }
            var start = request.Headers["Range"] is { } range ? long.Parse(range["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (start > 0)
            {
                response.StatusCode = 206;
                response.Headers["Content-Range"] = $"bytes {start}-{file.Length - 1}/{file.Length}";
            }
            Write(response, start > 0 ? 206 : 200, "application/x-gzip", file.AsSpan((int)start).ToArray());
            return true;
        };
    }

    private static void Write(HttpListenerResponse response, int status, string type, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = type;
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        response.Close();
    }

    [Fact]
    public async Task A_drive_download_confirms_the_scan_warning_and_resumes_through_the_confirmed_url()
    {
        using var server = new LoopbackHttpServer();
        using var scratch = new ScratchFolder();
        var file = RandomNumberGenerator.GetBytes(100_000);
        ServeDrive(server, file);
        var source = new DownloadSource(server.Url("uc?export=download&id=FILEID"), "big.tar.gz", GoogleDrive: true);
        File.WriteAllBytes(scratch.File("big.tar.gz" + DatasetFetcher.PartialSuffix), file.AsSpan(0, 30_000).ToArray());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var progress = new StringWriter();
        var path = await new DatasetFetcher(http, progress).DownloadAsync(source, scratch.Path, TestContext.Current.CancellationToken);
        Assert.Equal(file, File.ReadAllBytes(path));
        Assert.Contains("cannot scan this file for viruses", progress.ToString());
        Assert.Contains("resuming at 30,000 bytes", progress.ToString());
        var urls = server.RequestUrls.ToList();
        Assert.Equal("/uc?export=download&id=FILEID", urls[0]);
        Assert.Equal("/download?id=FILEID&export=download&confirm=t&uuid=0f0e0d0c-1111-2222-3333-444455556666", urls[1]);
        Assert.Equal("bytes=30000-", server.Requests.Last().Range);
    }

    [Fact]
    public async Task A_drive_page_without_a_form_is_refused_and_nothing_is_saved()
    {
        using var server = new LoopbackHttpServer();
        using var scratch = new ScratchFolder();
        ServeDrive(server, [1, 2, 3], quotaExceeded: true);
        var source = new DownloadSource(server.Url("uc?export=download&id=FILEID"), "big.tar.gz", GoogleDrive: true);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var e = await Assert.ThrowsAsync<DatasetFetchException>(() => new DatasetFetcher(http).DownloadAsync(source, scratch.Path, TestContext.Current.CancellationToken));
        Assert.Contains("Google Drive did not offer big.tar.gz", e.Message);
        Assert.Contains(scratch.File("big.tar.gz"), e.Message);
        Assert.Empty(Directory.GetFiles(scratch.Path));
    }
}
