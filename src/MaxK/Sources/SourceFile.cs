namespace MaxK.Sources;

/// <summary>A file a graph was read from: full path, size and SHA-256 (lower-case hex) of its bytes.</summary>
public sealed record SourceFile(string Path, long Bytes, string Sha256)
{
    /// <summary>Hashes <paramref name="path"/> (streamed, so any size).</summary>
    public static SourceFile Of(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        using var stream = File.OpenRead(full);
        var hash = System.Security.Cryptography.SHA256.HashData(stream);
        return new SourceFile(full, stream.Length, Convert.ToHexStringLower(hash));
    }
}
