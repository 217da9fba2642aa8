using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace MaxK.Datasets.Fetching;

/// <summary>
/// Google Drive's download links (<c>drive.google.com/uc?export=download&amp;id=…</c>). For a file Drive cannot scan for
/// viruses (anything over about 100 MB) the link answers with an HTML page, "Google Drive can't scan this file for
/// viruses … Download anyway", instead of the file. The page's form (<c>id="download-form"</c>, action
/// <c>drive.usercontent.google.com/download</c>, hidden fields <c>id</c>, <c>export</c>, <c>confirm</c>, <c>uuid</c>)
/// or, on older pages, a link carrying <c>confirm=…</c> leads to the file; <see cref="FindDownloadUrl"/> reads either.
/// Older pages also set a <c>download_warning</c> cookie, which the HttpClient's cookie container sends back.
/// </summary>
public static partial class GoogleDriveConfirmation
{
    /// <summary>The download link of a Drive file id.</summary>
    public static Uri DownloadUrl(string fileId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileId);
        return new Uri($"https://drive.google.com/uc?export=download&id={Uri.EscapeDataString(fileId)}");
    }

    /// <summary>
    /// The URL the page's "Download anyway" leads to: the download form's action with its fields as the query (GET, as a
    /// browser submits it), else the first link carrying <c>confirm=</c>; null when the page offers neither (Drive's quota
    /// page, "Too many users have viewed or downloaded this file recently", or a sign-in page).
    /// </summary>
    /// <param name="pageUrl">Where the page came from; relative actions and links are resolved against it.</param>
    public static Uri? FindDownloadUrl(string html, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);
        foreach (Match form in FormPattern().Matches(html))
        {
            var openTag = form.Groups["open"].Value;
            var action = Attribute(openTag, "action");
            if (action is null || !(Attribute(openTag, "id") == "download-form" || action.Contains("download", StringComparison.OrdinalIgnoreCase)))
                continue;
            var query = new StringBuilder();
            foreach (Match input in InputPattern().Matches(form.Groups["body"].Value))
            {
                var tag = input.Value;
                var name = Attribute(tag, "name");
                var type = Attribute(tag, "type")?.ToLowerInvariant();
                if (name is null || type is "submit" or "button")
                    continue;
                query.Append(query.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(name)).Append('=')
                    .Append(Uri.EscapeDataString(Attribute(tag, "value") ?? ""));
            }
            var target = new UriBuilder(new Uri(pageUrl, action));
            var existing = target.Query.TrimStart('?');
            target.Query = existing.Length == 0 ? query.ToString() : query.Length == 0 ? existing : existing + "&" + query;
            return target.Uri;
        }
        foreach (Match link in ConfirmLinkPattern().Matches(html))
            return new Uri(pageUrl, WebUtility.HtmlDecode(link.Groups["href"].Value));
        return null;
    }

    /// <summary>An attribute's HTML-decoded value in one tag, or null.</summary>
    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $@"\s{name}\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s>]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    [GeneratedRegex(@"(?<open><form\b[^>]*>)(?<body>.*?)</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InputPattern();

    [GeneratedRegex(@"href\s*=\s*""(?<href>[^""]*confirm=[^""]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConfirmLinkPattern();
}
