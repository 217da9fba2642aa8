using System.Formats.Tar;
using System.IO.Compression;

namespace MaxK.Datasets.Fetching;

/// <summary>
/// Unpacks a downloaded archive into an empty folder: .zip (System.IO.Compression, which refuses entries pointing outside
/// the folder) or .tar.gz / .tgz (by the file name). Tar entries are checked the same way; only plain files and folders are
/// written (links, devices and other entry types are skipped and counted). A damaged archive is an
/// <see cref="InvalidDataException"/>.
/// </summary>
public static class ArchiveExtractor
{
    /// <summary>True for names ending in .tar.gz or .tgz.</summary>
    public static bool IsTarGz(string fileName) =>
        fileName.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Extracts <paramref name="archive"/> into <paramref name="destination"/> (created); returns the entries skipped.</summary>
    /// <exception cref="InvalidDataException">The archive is damaged, truncated or not of its kind, or an entry points outside the folder.</exception>
    public static int Extract(string archive, string destination)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(destination);
        Directory.CreateDirectory(destination);
        try
        {
            if (IsTarGz(archive))
                return ExtractTarGz(archive, destination);
            ZipFile.ExtractToDirectory(archive, destination);
            return 0;
        }
        catch (Exception ex) when (ex is FormatException or EndOfStreamException or ArgumentException
                                   || (ex is IOException && ex is not InvalidDataException && ex.Message.Contains("outside", StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    private static int ExtractTarGz(string archive, string destination)
    {
        var root = Path.GetFullPath(destination);
        var rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        var skipped = 0;
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            var name = entry.Name.Replace('\\', '/');
            if (Path.IsPathRooted(name))
                throw new InvalidDataException($"tar entry '{entry.Name}' is an absolute path.");
            var full = Path.GetFullPath(Path.Combine(root, name));
            if (full != root && !full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
                throw new InvalidDataException($"tar entry '{entry.Name}' points outside the extraction folder.");
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(full);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    entry.ExtractToFile(full, overwrite: true);
                    break;
                default:
                    skipped++;
                    break;
            }
        }
        return skipped;
    }
}
