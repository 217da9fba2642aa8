using System.Text;
using System.Text.Json;
using MaxK.Harness.Results;

namespace MaxK.Harness.Runner;

/// <summary>
/// The append-only record of a suite run: one JSON line per finished case, each appended and flushed to disk
/// (fsync) before the next case starts, so a run killed at any point loses at most the case in progress. A torn last
/// line (killed mid-write) is dropped and cut off on reopening; a torn line anywhere else is an error naming the line.
/// </summary>
public sealed class RunJournal : IDisposable
{
    private readonly FileStream _stream;

    private RunJournal(string path, FileStream stream, JournalEntry header, IReadOnlyList<JournalEntry> entries)
    {
        Path = path;
        _stream = stream;
        Header = header;
        Entries = entries;
    }

    public string Path { get; }

    public JournalEntry Header { get; }

    /// <summary>Finished cases found when the journal was opened (empty for a fresh one).</summary>
    public IReadOnlyList<JournalEntry> Entries { get; }

    /// <summary>Starts a fresh journal (an old one is replaced) with <paramref name="header"/>.</summary>
    public static RunJournal Create(string path, JournalEntry header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        var journal = new RunJournal(path, stream, header, []);
        journal.Append(header);
        return journal;
    }

    /// <summary>
    /// Reopens a journal to continue it. Its header must match <paramref name="expected"/> (same suite file and
    /// shard), else a <see cref="HarnessException"/> says to run without --resume.
    /// </summary>
    public static RunJournal Resume(string path, JournalEntry expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var bytes = File.ReadAllBytes(path);
        var entries = new List<JournalEntry>();
        JournalEntry? header = null;
        var goodLength = 0;
        var start = 0;
        var lineNumber = 0;
        while (start < bytes.Length)
        {
            lineNumber++;
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var complete = end >= 0;
            var length = (complete ? end : bytes.Length) - start;
            JournalEntry? entry = null;
            try
            {
                entry = JsonSerializer.Deserialize<JournalEntry>(bytes.AsSpan(start, length), ResultJson.Options);
            }
            catch (JsonException) when (!complete || end == bytes.Length - 1)
            {
                // The last line may be torn by a kill; the case it held is simply run again.
            }
            catch (JsonException ex)
            {
                throw new HarnessException($"Journal '{path}' line {lineNumber} is corrupt ({ex.Message}); delete it and run without --resume.", ex);
            }
            if (entry is null || !complete)
                break;
            if (header is null)
            {
                if (entry.Type != "header")
                    throw new HarnessException($"Journal '{path}' does not start with a header line; delete it and run without --resume.");
                header = entry;
            }
            else
            {
                entries.Add(entry);
            }
            goodLength = end + 1;
            start = end + 1;
        }
        if (header is null)
            throw new HarnessException($"Journal '{path}' has no header line; run without --resume.");
        if (header.Suite != expected.Suite || header.SuiteHash != expected.SuiteHash || header.Shard != expected.Shard)
            throw new HarnessException($"Journal '{path}' belongs to suite '{header.Suite}' (hash {header.SuiteHash?[..Math.Min(12, header.SuiteHash.Length)]}, shard {header.Shard ?? "none"}), "
                + $"not to this run (suite '{expected.Suite}', hash {expected.SuiteHash?[..Math.Min(12, expected.SuiteHash.Length)]}, shard {expected.Shard ?? "none"}); run without --resume to start over.");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        stream.SetLength(goodLength);
        stream.Seek(goodLength, SeekOrigin.Begin);
        return new RunJournal(path, stream, header, entries);
    }

    /// <summary>Appends one line and forces it to disk.</summary>
    public void Append(JournalEntry entry)
    {
        var options = new JsonSerializerOptions(ResultJson.Options) { WriteIndented = false, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, options) + "\n");
        _stream.Write(line);
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose() => _stream.Dispose();
}
