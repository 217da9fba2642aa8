namespace MaxK.Datasets;

/// <summary>
/// One file to download. <paramref name="ExpectedBytes"/> and <paramref name="Sha256"/> are null where no published or
/// measured value exists: the fetcher then checks the size the server announces (Content-Length) and no checksum, and
/// the loaded data is still checked against the entry's statistics. <paramref name="Extract"/>: unpack after download
/// (.zip, or .tar.gz / .tgz by the file name). <paramref name="GoogleDrive"/>: the URL is a Google Drive download link
/// that may first answer with Drive's "can't scan for viruses" page, whose form the fetcher follows.
/// </summary>
public sealed record DownloadSource(Uri Url, string FileName, long? ExpectedBytes = null, string? Sha256 = null, bool Extract = false,
    bool GoogleDrive = false);
