using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace MaxK.Datasets.Fetching;

/// <summary>
/// Downloads catalog datasets over HTTP(S) into <c>DIR/&lt;name&gt;/</c>.
/// <list type="bullet">
/// <item>Resumable: bytes go to <c>FILE.partial</c>; a later run asks for <c>Range: bytes=&lt;partial size&gt;-</c> and
/// appends on 206 Partial Content, or starts over on 200 OK (server without range support).</item>
/// <item>Verified: the size against the expected size, else against the size the server announced
/// (Content-Length / Content-Range); the SHA-256 when the catalog knows it. A broken transfer keeps the partial
/// file for resuming; a complete file with the wrong size or checksum is deleted.</item>
/// <item>Zip archives are extracted into a temporary folder beside the target and then moved into place, so an
/// interrupted extraction never leaves half a dataset; a marker file records a finished extraction.</item>
/// </list>
/// </summary>
public sealed class DatasetFetcher(HttpClient http, TextWriter? progress = null)
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

    /// <summary>
    /// Fetches every source of <paramref name="entry"/> into <c>dataDirectory/&lt;name&gt;</c> and returns that folder.
    /// <paramref name="sourceUrl"/> replaces the URL of a single-source entry (a mirror or a local copy); the file name
    /// and checks stay those of the catalog.
    /// </summary>
    public async Task<string> FetchAsync(DatasetCatalogEntry entry, string dataDirectory, Uri? sourceUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var target = Path.Combine(dataDirectory, entry.Name);
        Directory.CreateDirectory(target);
        var sources = entry.Sources;
        if (sourceUrl is not null)
        {
            if (sources.Count != 1)
                throw new ArgumentException($"--source-url needs a dataset with one download; {entry.Name} has {sources.Count} files.");
            sources = [sources[0] with { Url = sourceUrl }];
        }
        foreach (var source in sources)
        {
            var file = await DownloadAsync(source, target, cancellationToken).ConfigureAwait(false);
            if (source.Extract)
                ExtractZip(file, target);
        }
        return target;
    }

    /// <summary>Downloads (or resumes, or verifies an existing copy of) one file into <paramref name="directory"/>; returns its path.</summary>
    public async Task<string> DownloadAsync(DownloadSource source, string directory, CancellationToken cancellationToken = default)
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
                return finalPath;
            }
            _progress.WriteLine($"{source.FileName}: existing copy fails verification; downloading again.");
            File.Delete(finalPath);
        }

        var existing = File.Exists(partialPath) ? new FileInfo(partialPath).Length : 0L;
        using var request = new HttpRequestMessage(HttpMethod.Get, source.Url);
        if (existing > 0)
            request.Headers.Range = new RangeHeaderValue(existing, null);
        HttpResponseMessage response;
        using (var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            headers.CancelAfter(StallTimeout);
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new DatasetFetchException($"Cannot reach {source.Url}: {ex.Message}", ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DatasetFetchException($"{source.Url} sent no response within {StallTimeout.TotalSeconds:0.###} s.", ex);
            }
        }
        using (response)
        {
            long? total;
            bool append;
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && existing > 0)
            {
                var length = response.Content.Headers.ContentRange?.Length;
                if (length == existing)
                {
                    _progress.WriteLine($"{source.FileName}: the partial file is already complete ({existing:N0} bytes).");
                    return Finish(partialPath, finalPath, source, existing);
                }
                File.Delete(partialPath);
                throw new DatasetFetchException(
                    $"{source.Url}: the server rejected resuming at byte {existing:N0} (HTTP 416); the partial file was deleted, run again to restart.");
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new DatasetFetchException(
                    $"Download of {source.Url} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}." +
                    (existing > 0 ? $" The partial file ({existing:N0} bytes) is kept for resuming." : ""));
            }
            if (response.StatusCode == HttpStatusCode.PartialContent && existing > 0)
            {
                var range = response.Content.Headers.ContentRange;
                if (range?.From != existing)
                    throw new DatasetFetchException($"{source.Url}: asked to resume at byte {existing:N0} but the server sent range '{range}'.");
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
            return Finish(partialPath, finalPath, source, total);
        }
    }

    /// <summary>Extracts a zip into <paramref name="directory"/> through a temporary folder; skipped when already done.</summary>
    public void ExtractZip(string zipPath, string directory)
    {
        var marker = Path.Combine(directory, "." + Path.GetFileName(zipPath) + ".extracted");
        if (File.Exists(marker))
        {
            _progress.WriteLine($"{Path.GetFileName(zipPath)}: already extracted.");
            return;
        }
        var temporary = Path.Combine(directory, ".extract-" + Guid.NewGuid().ToString("N"));
        try
        {
            try
            {
                ZipFile.ExtractToDirectory(zipPath, temporary);
            }
            catch (InvalidDataException ex)
            {
                File.Delete(zipPath);
                throw new DatasetFetchException($"'{zipPath}' is not a valid zip archive ({ex.Message}); it was deleted, run again to download it anew.", ex);
            }
            foreach (var item in Directory.EnumerateFileSystemEntries(temporary))
            {
                var destination = Path.Combine(directory, Path.GetFileName(item));
                if (Directory.Exists(destination))
                    Directory.Delete(destination, recursive: true);
                else if (File.Exists(destination))
                    File.Delete(destination);
                if (Directory.Exists(item))
                    Directory.Move(item, destination);
                else
                    File.Move(item, destination);
            }
            File.WriteAllText(marker, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            _progress.WriteLine($"{Path.GetFileName(zipPath)}: extracted into {directory}.");
        }
        finally
        {
            if (Directory.Exists(temporary))
                Directory.Delete(temporary, recursive: true);
        }
    }

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

    private string Finish(string partialPath, string finalPath, DownloadSource source, long? announcedLength)
    {
        var problem = VerifyComplete(partialPath, source, announcedLength, deleteOnFailure: true);
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
                return $"{source.FileName}: only {length:N0} of {size:N0} bytes arrived; the partial file is kept, run again to resume.";
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
}
