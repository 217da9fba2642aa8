using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace MaxK.Datasets.Fetching;

/// <summary>
/// Downloads catalog datasets over HTTP(S) into <c>DIR/&lt;name&gt;/</c> (this file: one file's transfer; the other half,
/// DatasetFetcher.Install.cs, turns downloads into a checked installation).
/// <list type="bullet">
/// <item>Resumable: bytes go to <c>FILE.partial</c>; a later run asks for <c>Range: bytes=&lt;partial size&gt;-</c> and
/// appends on 206 Partial Content, or starts over on 200 OK (server without range support).</item>
/// <item>Never stuck: when the server will not continue a partial file (416 for another length, a 206 for another range,
/// a 4xx answer to the range request) or a resumed file fails verification, the partial file is deleted and the transfer
/// starts over once, in the same run.</item>
/// <item>Verified: the size against the expected size, else against the size the server announced
/// (Content-Length / Content-Range); the SHA-256 when the catalog knows it. A broken transfer keeps the partial
/// file for resuming (the message names it); a complete file with the wrong size or checksum is deleted.</item>
/// <item>Google Drive links (<see cref="DownloadSource.GoogleDrive"/>) follow Drive's virus-scan page
/// (<see cref="GoogleDriveConfirmation"/>); a web page where the file should be is refused, never saved as the file.</item>
/// </list>
/// </summary>
public sealed partial class DatasetFetcher(HttpClient http, TextWriter? progress = null)
{
    /// <summary>Suffix of in-progress downloads.</summary>
    public const string PartialSuffix = ".partial";

    private readonly TextWriter _progress = progress ?? TextWriter.Null;

    /// <summary>Seconds between progress lines.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the server may stay silent (no response headers, or no body bytes) before the transfer counts as
    /// stalled and fails, keeping the partial file for resuming.
    /// </summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Downloads (or resumes, or verifies an existing copy of) one file into <paramref name="directory"/>; returns its path.</summary>
    public async Task<string> DownloadAsync(DownloadSource source, string directory, CancellationToken cancellationToken = default) =>
        (await DownloadFileAsync(source, directory, cancellationToken).ConfigureAwait(false)).Path;

    /// <summary>As <see cref="DownloadAsync"/>; <c>Kept</c> is true when an existing copy passed verification and no transfer ran.</summary>
    internal async Task<(string Path, bool Kept)> DownloadFileAsync(DownloadSource source, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        Directory.CreateDirectory(directory);
        var finalPath = Path.Combine(directory, source.FileName);
        var partialPath = finalPath + PartialSuffix;
        if (File.Exists(finalPath))
        {
            if (VerifyComplete(finalPath, source, announcedLength: null, deleteOnFailure: false) is null)
            {
                _progress.WriteLine($"{source.FileName}: already downloaded and verified.");
                return (finalPath, true);
            }
            _progress.WriteLine($"{source.FileName}: existing copy fails verification; downloading again.");
            File.Delete(finalPath);
        }
        try
        {
            return (await TransferAsync(source, finalPath, partialPath, cancellationToken).ConfigureAwait(false), false);
        }
        catch (ResumeRejectedException rejected)
        {
            File.Delete(partialPath);
            _progress.WriteLine($"{source.FileName}: {rejected.Message}; deleted the partial file '{partialPath}', starting over.");
            return (await TransferAsync(source, finalPath, partialPath, cancellationToken).ConfigureAwait(false), false);
        }
    }

    /// <summary>One transfer into the partial file (resuming it when it exists), then verification and the rename.</summary>
    private async Task<string> TransferAsync(DownloadSource source, string finalPath, string partialPath, CancellationToken cancellationToken)
    {
        var url = source.GoogleDrive ? await ResolveGoogleDriveAsync(source, finalPath, cancellationToken).ConfigureAwait(false) : source.Url;
        var existing = File.Exists(partialPath) ? new FileInfo(partialPath).Length : 0L;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (existing > 0)
            request.Headers.Range = new RangeHeaderValue(existing, null);
        using var response = await SendAsync(request, source.Url, cancellationToken).ConfigureAwait(false);
        long? total;
        bool append;
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && existing > 0)
        {
            var length = response.Content.Headers.ContentRange?.Length;
            if (length == existing)
            {
                _progress.WriteLine($"{source.FileName}: the partial file is already complete ({existing:N0} bytes).");
                return Finish(partialPath, finalPath, source, existing, resumed: true);
            }
            throw new ResumeRejectedException($"the server rejected resuming at byte {existing:N0} (HTTP 416, file length {length?.ToString("N0", CultureInfo.InvariantCulture) ?? "unknown"})");
        }
        if (!response.IsSuccessStatusCode)
        {
            if (existing > 0 && (int)response.StatusCode is >= 400 and < 500)
                throw new ResumeRejectedException($"the server answered HTTP {(int)response.StatusCode} to resuming at byte {existing:N0}");
            throw new DatasetFetchException(
                $"Download of {source.Url} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}." +
                (existing > 0 ? $" The partial file '{partialPath}' ({existing:N0} bytes) is kept for resuming." : ""));
        }
        if (source.GoogleDrive && IsHtml(response))
            throw new DatasetFetchException(
                $"Google Drive sent a web page instead of {source.FileName} (a second confirmation, a quota or an access page). " +
                $"Download it in a browser from {source.Url} and save it as '{finalPath}', then run the command again.");
        if (response.StatusCode == HttpStatusCode.PartialContent && existing > 0)
        {
            var range = response.Content.Headers.ContentRange;
            if (range?.From != existing)
                throw new ResumeRejectedException($"asked to resume at byte {existing:N0} but the server sent range '{range}'");
            append = true;
            total = range.Length ?? (response.Content.Headers.ContentLength is long rest ? existing + rest : null);
            _progress.WriteLine($"{source.FileName}: resuming at {existing:N0} bytes.");
        }
        else
        {
            append = false;
            total = response.Content.Headers.ContentLength;
            if (existing > 0)
                _progress.WriteLine($"{source.FileName}: the server does not resume (HTTP {(int)response.StatusCode}); starting over.");
            existing = 0;
        }
        if (source.ExpectedBytes is long expected && total is long announced && announced != expected)
            throw new DatasetFetchException(
                $"{source.Url}: the server announces {announced:N0} bytes but the catalog expects {expected:N0}; is the URL right?");

        await CopyAsync(response, partialPath, append, existing, total ?? source.ExpectedBytes, source, cancellationToken).ConfigureAwait(false);
        return Finish(partialPath, finalPath, source, total, resumed: append);
    }

    /// <summary>Sends with the stall timeout on the response headers; network failures become <see cref="DatasetFetchException"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Uri shownUrl, CancellationToken cancellationToken)
    {
        using var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        headers.CancelAfter(StallTimeout);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new DatasetFetchException($"Cannot reach {shownUrl}: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DatasetFetchException($"{shownUrl} sent no response within {StallTimeout.TotalSeconds:0.###} s.", ex);
        }
    }

    /// <summary>
    /// The URL that serves a Google Drive file: the link itself when it answers with the file, else the target of the
    /// virus-scan page's "Download anyway" form. The first answer's body is read only when it is a web page.
    /// </summary>
    private async Task<Uri> ResolveGoogleDriveAsync(DownloadSource source, string finalPath, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, source.Url);
        using var response = await SendAsync(request, source.Url, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new DatasetFetchException($"Download of {source.Url} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
        var pageUrl = response.RequestMessage?.RequestUri ?? source.Url;
        if (!IsHtml(response))
            return pageUrl;
        var html = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var confirmed = GoogleDriveConfirmation.FindDownloadUrl(html, pageUrl)
            ?? throw new DatasetFetchException(
                $"Google Drive did not offer {source.FileName}: its page has no download form (download quota exceeded, or the file " +
                $"is private or gone). Download it in a browser from {source.Url} and save it as '{finalPath}', then run the command again.");
        _progress.WriteLine($"{source.FileName}: Google Drive cannot scan this file for viruses; confirming the download.");
        return confirmed;
    }

    private static bool IsHtml(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } type && type.Contains("html", StringComparison.OrdinalIgnoreCase);

    private async Task CopyAsync(HttpResponseMessage response, string partialPath, bool append, long already, long? total,
        DownloadSource source, CancellationToken cancellationToken)
    {
        var written = already;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        await using var file = new FileStream(partialPath, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[1 << 16];
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            int read;
            while (true)
            {
                stall.CancelAfter(StallTimeout);
                try
                {
                    read = await body.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new IOException($"no data for {StallTimeout.TotalSeconds:0.###} s", ex);
                }
                if (read == 0)
                    break;
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                written += read;
                if (clock.Elapsed - lastReport >= ProgressInterval)
                {
                    lastReport = clock.Elapsed;
                    _progress.WriteLine(Describe(source.FileName, written, total, already, clock.Elapsed));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            await file.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            throw new DatasetFetchException(
                $"Download of {source.Url} was interrupted after {written:N0} bytes ({ex.Message}); " +
                $"the partial file '{partialPath}' is kept: run the command again to resume.", ex);
        }
        _progress.WriteLine(Describe(source.FileName, written, total, already, clock.Elapsed));
    }

    private static string Describe(string name, long written, long? total, long already, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? (written - already) / elapsed.TotalSeconds / (1 << 20) : 0;
        var percent = total is long t && t > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({100.0 * written / t:F1} %)") : "";
        var of = total is long size ? $" of {size:N0}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{name}: {written:N0}{of} bytes{percent}, {rate:F1} MiB/s");
    }

    private string Finish(string partialPath, string finalPath, DownloadSource source, long? announcedLength, bool resumed)
    {
        var problem = VerifyComplete(partialPath, source, announcedLength, deleteOnFailure: true);
        if (problem is not null && resumed && !File.Exists(partialPath))
            throw new ResumeRejectedException($"the resumed file fails verification ({problem})");
        if (problem is not null)
            throw new DatasetFetchException(problem);
        File.Move(partialPath, finalPath, overwrite: true);
        _progress.WriteLine($"{source.FileName}: downloaded and verified ({new FileInfo(finalPath).Length:N0} bytes" +
                            (source.Sha256 is null ? ", no checksum known" : ", SHA-256 ok") + ").");
        return finalPath;
    }

    /// <summary>Null when the file passes the size and checksum checks; otherwise the problem (the file deleted if asked and complete).</summary>
    private static string? VerifyComplete(string path, DownloadSource source, long? announcedLength, bool deleteOnFailure)
    {
        var length = new FileInfo(path).Length;
        var expected = source.ExpectedBytes ?? announcedLength;
        if (expected is long size && length != size)
        {
            if (length < size)
                return $"{source.FileName}: only {length:N0} of {size:N0} bytes arrived; the partial file '{path}' is kept, run again to resume.";
            if (deleteOnFailure)
                File.Delete(path);
            return $"{source.FileName}: {length:N0} bytes, expected {size:N0}; the file was deleted, run again to download it anew.";
        }
        if (source.Sha256 is not null)
        {
            string actual;
            using (var stream = File.OpenRead(path))
                actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (!string.Equals(actual, source.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                if (deleteOnFailure)
                    File.Delete(path);
                return $"{source.FileName}: SHA-256 mismatch (expected {source.Sha256.ToLowerInvariant()}, got {actual})" +
                       (deleteOnFailure ? "; the corrupt file was deleted, run again to download it anew." : ".");
            }
        }
        return null;
    }

    /// <summary>The server will not continue a partial file: the caller deletes it and starts over once.</summary>
    private sealed class ResumeRejectedException(string message) : IOException(message);
}
