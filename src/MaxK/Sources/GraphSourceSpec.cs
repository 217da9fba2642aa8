namespace MaxK.Sources;

/// <summary>
/// A parsed graph spec: <c>NAME</c> (a preset), <c>csr:DIR/NAME</c>, <c>dir:DIR</c>, <c>edges:FILE</c> or
/// <c>dataset:NAME</c> (<see cref="GraphSources.Grammar"/>). Prefixes are case-insensitive; the argument is trimmed.
/// A spec without a colon is a preset name (preset names contain none).
/// </summary>
public sealed record GraphSourceSpec(GraphSourceKind Kind, string Argument, string Text)
{
    public const string CsrPrefix = "csr:";
    public const string DirectoryPrefix = "dir:";
    public const string EdgeListPrefix = "edges:";
    public const string DatasetPrefix = "dataset:";

    /// <exception cref="GraphSourceException">Empty spec, unknown prefix, or a prefix without its argument.</exception>
    public static GraphSourceSpec Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new GraphSourceException(text ?? "", $"empty graph spec; {GraphSources.GrammarSummary}");
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return new GraphSourceSpec(GraphSourceKind.Preset, trimmed, trimmed);
        var prefix = trimmed[..(colon + 1)].ToLowerInvariant();
        var argument = trimmed[(colon + 1)..].Trim();
        var kind = prefix switch
        {
            CsrPrefix => GraphSourceKind.Csr,
            DirectoryPrefix => GraphSourceKind.Directory,
            EdgeListPrefix => GraphSourceKind.EdgeList,
            DatasetPrefix => GraphSourceKind.Dataset,
            _ => throw new GraphSourceException(trimmed, $"unknown source '{prefix}'; {GraphSources.GrammarSummary}"),
        };
        if (argument.Length == 0)
            throw new GraphSourceException(trimmed, $"'{prefix}' needs {What(kind)} after it; {GraphSources.GrammarSummary}");
        if (kind == GraphSourceKind.Csr && (argument.EndsWith('/') || argument.EndsWith(Path.DirectorySeparatorChar)))
            throw new GraphSourceException(trimmed, "csr: needs DIR/NAME, the path of NAME.indptr without its extension, not a folder (use dir:DIR for every graph in a folder).");
        return new GraphSourceSpec(kind, argument, trimmed);
    }

    public override string ToString() => Text;

    private static string What(GraphSourceKind kind) => kind switch
    {
        GraphSourceKind.Csr => "DIR/NAME (the files NAME.indptr and NAME.indices)",
        GraphSourceKind.Directory => "a folder",
        GraphSourceKind.EdgeList => "an edge-list file",
        _ => "a dataset name",
    };
}
