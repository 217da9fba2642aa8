using System.Globalization;
using MaxK.Graphs;
using MaxK.Graphs.Io;

namespace MaxK.Datasets.Fetching;

/// <summary>
/// The installation half of the fetcher: downloads become a dataset folder only after the data itself passed its check.
/// <list type="number">
/// <item>Every source is downloaded into <c>DIR/&lt;name&gt;/</c> (a verified copy already there is kept).</item>
/// <item>Archives are unpacked into a temporary folder beside it (<c>.extract-*</c>); plain files are checked in place.</item>
/// <item>The check runs on that folder (for catalog datasets: the loader and the entry's statistics; for graph archives:
/// each graph against its table). A failure deletes the downloads and the temporary folder: nothing is installed. When
/// a kept copy (not a fresh download) failed, it is fetched anew once in the same run, so a bad file is never sticky.</item>
/// <item>The unpacked entries are moved into place and listed in a marker file (<see cref="InstalledMarker"/>), so a later
/// fetch can re-check and, if needed, remove exactly them.</item>
/// </list>
/// </summary>
public sealed partial class DatasetFetcher
{
    /// <summary>Marker file in a dataset folder: one line per entry the last installation unpacked there.</summary>
    public const string InstalledMarker = ".maxk-installed";

    /// <summary>
    /// Fetches every source of <paramref name="entry"/> into <c>dataDirectory/&lt;name&gt;</c>, checks the loaded data against the
    /// entry's statistics, and returns that folder. <paramref name="sourceUrl"/> replaces the URL of a single-source entry
    /// (a mirror or a local copy); the file name and checks stay those of the catalog.
    /// </summary>
    /// <exception cref="DatasetFetchException">A download failed, or the downloaded data does not match the catalog (the downloads were
    /// deleted and nothing was installed; the inner exception is the <see cref="DatasetIntegrityException"/> or the loader's error).</exception>
    public Task<string> FetchAsync(DatasetCatalogEntry entry, string dataDirectory, Uri? sourceUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        return InstallAsync(entry.Name, WithUrl(entry.Sources, sourceUrl, entry.Name), Path.Combine(dataDirectory, entry.Name),
            folder => entry.Load(folder), cancellationToken);
    }

    /// <summary>
    /// Downloads <paramref name="sources"/> into <paramref name="target"/>, runs <paramref name="check"/> on the unpacked (or
    /// downloaded) data and installs it; see the type's summary. <paramref name="check"/> signals bad data by throwing one
    /// of the data exceptions (<see cref="IsDataProblem"/>); anything else propagates with the downloads kept.
    /// </summary>
    public async Task<string> InstallAsync(string name, IReadOnlyList<DownloadSource> sources, string target, Action<string> check,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(check);
        Directory.CreateDirectory(target);
        for (var attempt = 1; ; attempt++)
        {
            var downloads = new List<(DownloadSource Source, string Path, bool Kept)>();
            foreach (var source in sources)
            {
                var (path, kept) = await DownloadFileAsync(source, target, cancellationToken).ConfigureAwait(false);
                downloads.Add((source, path, kept));
            }
            var anyKept = downloads.Any(d => d.Kept);
            var archives = downloads.Where(d => d.Source.Extract).ToList();
            var installed = archives.Count > 0 && archives.All(d => d.Kept) ? InstalledEntries(target) : null;
            string? stage = null;
            try
            {
                if (archives.Count > 0 && installed is null)
                {
                    stage = Path.Combine(target, ".extract-" + Guid.NewGuid().ToString("N"));
                    foreach (var archive in archives)
                        Unpack(archive.Path, stage);
                }
                check(stage ?? target);
            }
            catch (Exception ex) when (IsDataProblem(ex))
            {
                DeleteQuietly(stage);
                if (installed is not null)
                    Uninstall(target, installed);
                foreach (var download in downloads)
                    File.Delete(download.Path);
                var what = ex is DatasetIntegrityException integrity ? string.Join("; ", integrity.Problems) : ex.Message;
                if (attempt == 1 && anyKept)
                {
                    _progress.WriteLine($"{name}: the copy already here fails its check ({what}); deleted it, downloading anew.");
                    continue;
                }
                var files = string.Join(", ", downloads.Select(d => Path.GetFileName(d.Path)));
                throw new DatasetFetchException(
                    $"{name}: the downloaded data {(ex is DatasetIntegrityException ? "does not match the catalog" : "is not a usable dataset")} " +
                    $"({what}); deleted {files}, nothing was installed.", ex);
            }
            if (stage is not null)
                MoveIntoPlace(stage, target);
            else if (installed is not null)
                _progress.WriteLine($"{name}: already installed; the check passed.");
            return target;
        }
    }

    /// <summary>Exceptions that mean the data is wrong (so the download is deleted), as opposed to the machine failing.</summary>
    public static bool IsDataProblem(Exception ex) => ex is DatasetIntegrityException or CorruptDatasetException or DatasetNotFoundException
        or CorruptGraphFileException or InvalidGraphException or InvalidDataException or FileNotFoundException;

    private static IReadOnlyList<DownloadSource> WithUrl(IReadOnlyList<DownloadSource> sources, Uri? sourceUrl, string name)
    {
        if (sourceUrl is null)
            return sources;
        if (sources.Count != 1)
            throw new ArgumentException($"--source-url needs a dataset with one download; {name} has {sources.Count} files.");
        return [sources[0] with { Url = sourceUrl, GoogleDrive = false }];
    }

    private void Unpack(string archive, string stage)
    {
        int skipped;
        try
        {
            skipped = ArchiveExtractor.Extract(archive, stage);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"'{Path.GetFileName(archive)}' is not a valid archive ({ex.Message})", ex);
        }
        _progress.WriteLine($"{Path.GetFileName(archive)}: unpacked" + (skipped > 0 ? $" ({skipped} entries that are not plain files skipped)." : "."));
    }

    /// <summary>Moves the stage's top-level entries into <paramref name="target"/> (replacing same-named ones) and writes the marker.</summary>
    private void MoveIntoPlace(string stage, string target)
    {
        var names = new List<string>();
        foreach (var item in Directory.EnumerateFileSystemEntries(stage).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(item);
            var destination = Path.Combine(target, name);
            Remove(destination);
            if (Directory.Exists(item))
                Directory.Move(item, destination);
            else
                File.Move(item, destination);
            names.Add(name);
        }
        Directory.Delete(stage, recursive: true);
        File.WriteAllLines(Path.Combine(target, InstalledMarker),
            [$"# installed {DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)}; entries unpacked here:", .. names]);
        _progress.WriteLine($"installed into {target}.");
    }

    /// <summary>The entries the marker lists, or null when there is no marker (never installed, or an older layout).</summary>
    private static IReadOnlyList<string>? InstalledEntries(string target)
    {
        var marker = Path.Combine(target, InstalledMarker);
        if (!File.Exists(marker))
            return null;
        return [.. File.ReadAllLines(marker).Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Where(line => line == Path.GetFileName(line) && line is not "." and not "..")];
    }

    private static void Uninstall(string target, IReadOnlyList<string> entries)
    {
        foreach (var entry in entries)
            Remove(Path.Combine(target, entry));
        File.Delete(Path.Combine(target, InstalledMarker));
    }

    private static void Remove(string path)
    {
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
        else if (File.Exists(path))
            File.Delete(path);
    }

    private static void DeleteQuietly(string? folder)
    {
        if (folder is not null && Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
