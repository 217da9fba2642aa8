using MaxK.Datasets;
using MaxK.Graphs.Io;
using MaxK.Graphs.Synthetic;

namespace MaxK.Sources;

/// <summary>
/// The one entry point for "a graph named by the user": every command and suite that takes a graph resolves it here, and
/// every loaded graph carries its <see cref="GraphProvenance"/>. Grammar: <see cref="Grammar"/>. A spec naming several
/// graphs (<c>dir:</c>) is expanded with <see cref="Expand"/> (one <c>csr:</c> spec per graph) or loaded with
/// <see cref="LoadAll"/>; <see cref="Load"/> takes specs naming one graph. Every failure is a <see cref="GraphSourceException"/>
/// (one line, the spec and the problem; the CSR and loader checks stay the same underneath).
/// </summary>
public static class GraphSources
{
    /// <summary>The grammar, for --help texts and the README.</summary>
    public const string Grammar =
        "NAME: a synthetic preset (`maxk graph presets`), generated from --seed; " +
        "csr:DIR/NAME: raw little-endian int32 CSR files DIR/NAME.indptr (N+1) and DIR/NAME.indices (E), optional float32 DIR/NAME.values; " +
        "dir:DIR: every NAME.indptr/NAME.indices pair in DIR, one graph each, by name (the paper's archive: dir:DATA/maxk-graphs/graphs); " +
        "edges:FILE: a SNAP-style text edge list (two integer ids per line, # or % comments, .gz allowed), ids renumbered in sorted order, " +
        "made undirected, sorted and de-duplicated (self-loops kept once); " +
        "dataset:NAME: the graph of a real dataset (cora, citeseer, pubmed, reddit, …) through its loader, found as for training (--data-dir).";

    /// <summary>One line for error messages.</summary>
    public const string GrammarSummary = "use NAME (a preset), csr:DIR/NAME, dir:DIR, edges:FILE or dataset:NAME";

    /// <summary>Loads the one graph <paramref name="spec"/> names.</summary>
    /// <exception cref="GraphSourceException">Bad spec, missing or bad files, or a <c>dir:</c> holding other than one graph.</exception>
    public static LoadedGraph Load(string spec, GraphSourceOptions? options = null)
    {
        options ??= GraphSourceOptions.Default;
        var parsed = GraphSourceSpec.Parse(spec);
        return parsed.Kind switch
        {
            GraphSourceKind.Preset => LoadPreset(parsed, options),
            GraphSourceKind.Csr => LoadCsr(parsed),
            GraphSourceKind.Directory => LoadSingleFromDirectory(parsed, options),
            GraphSourceKind.EdgeList => LoadEdgeList(parsed),
            GraphSourceKind.Dataset => LoadDataset(parsed, options),
            _ => throw new GraphSourceException(spec, $"unsupported source kind {parsed.Kind}."),
        };
    }

    /// <summary>
    /// The single-graph specs <paramref name="spec"/> stands for: <c>dir:DIR</c> gives <c>csr:DIR/NAME</c> for each pair in
    /// name order (at least one, else an error); every other spec gives itself. Nothing is loaded.
    /// </summary>
    public static IReadOnlyList<string> Expand(string spec, GraphSourceOptions? options = null)
    {
        var parsed = GraphSourceSpec.Parse(spec);
        if (parsed.Kind != GraphSourceKind.Directory)
            return [parsed.Text];
        var directory = Path.GetFullPath(parsed.Argument);
        var names = RawCsrDirectory.Names(directory);
        if (names.Count == 0)
            throw NoGraphs(parsed, directory);
        return [.. names.Select(name => GraphSourceSpec.CsrPrefix + Path.Combine(directory, name))];
    }

    /// <summary>Every graph <paramref name="spec"/> names, loaded one at a time as enumerated.</summary>
    public static IEnumerable<LoadedGraph> LoadAll(string spec, GraphSourceOptions? options = null) =>
        Expand(spec, options).Select(single => Load(single, options));

    private static LoadedGraph LoadPreset(GraphSourceSpec spec, GraphSourceOptions options)
    {
        if (!GraphPresets.TryGet(spec.Argument, out var preset) || preset is null)
            throw new GraphSourceException(spec.Text,
                $"'{spec.Argument}' is not a graph preset ({string.Join(", ", GraphPresets.Names)}) nor a source; {GrammarSummary}.");
        var graph = preset.Generate(options.Seed);
        return new LoadedGraph(preset.Name, graph, new GraphProvenance(true, spec.Text, $"{preset.Label}, seed {options.Seed}", []));
    }

    private static LoadedGraph LoadCsr(GraphSourceSpec spec)
    {
        var full = Path.GetFullPath(spec.Argument);
        // csr:DIR/NAME.indptr (or .indices) names the same graph as csr:DIR/NAME.
        foreach (var extension in new[] { RawCsrFiles.RowPointersExtension, RawCsrFiles.ColumnIndicesExtension })
        {
            if (full.EndsWith(extension, StringComparison.Ordinal) && full.Length > extension.Length)
                full = full[..^extension.Length];
        }
        var directory = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var missing = new[] { RawCsrFiles.RowPointersPath(directory, name), RawCsrFiles.ColumnIndicesPath(directory, name) }
            .Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
            throw new GraphSourceException(spec.Text, $"missing {string.Join(" and ", missing.Select(p => $"'{p}'"))}" +
                (Directory.Exists(directory) ? "." : $" (the folder '{directory}' does not exist)."), isMissing: true);
        var graph = Guard(spec, () => RawCsrFiles.Read(directory, name));
        List<string> files = [RawCsrFiles.RowPointersPath(directory, name), RawCsrFiles.ColumnIndicesPath(directory, name)];
        if (File.Exists(RawCsrFiles.EdgeWeightsPath(directory, name)))
            files.Add(RawCsrFiles.EdgeWeightsPath(directory, name));
        return new LoadedGraph(name, graph,
            new GraphProvenance(false, spec.Text, $"{name} (raw CSR files in {directory})", [.. files.Select(SourceFile.Of)]));
    }

    private static LoadedGraph LoadSingleFromDirectory(GraphSourceSpec spec, GraphSourceOptions options)
    {
        var expanded = Expand(spec.Text, options);
        if (expanded.Count != 1)
            throw new GraphSourceException(spec.Text,
                $"names {expanded.Count} graphs ({string.Join(", ", expanded.Take(5).Select(s => Path.GetFileName(s)))}{(expanded.Count > 5 ? ", …" : "")}); " +
                "take one with csr:DIR/NAME or use a command that accepts several (`maxk graph stats|import`).");
        return Load(expanded[0], options);
    }

    private static LoadedGraph LoadEdgeList(GraphSourceSpec spec)
    {
        var path = Path.GetFullPath(spec.Argument);
        if (!File.Exists(path))
            throw new GraphSourceException(spec.Text, $"file '{path}' does not exist.", isMissing: true);
        var graph = Guard(spec, () => EdgeListReader.Read(path));
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            name = name[..^3];
        name = Path.GetFileNameWithoutExtension(name) is { Length: > 0 } stem ? stem : name;
        return new LoadedGraph(name, graph, new GraphProvenance(false, spec.Text,
            $"{Path.GetFileName(path)} (edge list, ids renumbered in sorted order, symmetrised and de-duplicated)", [SourceFile.Of(path)]));
    }

    private static LoadedGraph LoadDataset(GraphSourceSpec spec, GraphSourceOptions options)
    {
        if (!DatasetCatalog.TryGet(spec.Argument, out var entry))
            throw new GraphSourceException(spec.Text, $"unknown dataset '{spec.Argument}'; known: {string.Join(", ", DatasetCatalog.Names)}.");
        string folder;
        try
        {
            folder = DatasetLocator.Locate(entry, options.DataDirectory);
        }
        catch (DatasetNotFoundException e)
        {
            throw new GraphSourceException(spec.Text, e.Message, isMissing: true, e);
        }
        var dataset = Guard(spec, () => entry.Load(folder));
        var files = entry.ExpectedFiles.Select(file => Path.Combine(folder, file)).Where(File.Exists).Select(SourceFile.Of).ToList();
        return new LoadedGraph(entry.Name, dataset.Graph, new GraphProvenance(false, spec.Text,
            $"{entry.Name} ({entry.Description}; the loader's graph, no self-loops added) from {folder}", files));
    }

    /// <summary>Runs a reader, turning its file and format errors into one <see cref="GraphSourceException"/>.</summary>
    private static T Guard<T>(GraphSourceSpec spec, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FileNotFoundException e)
        {
            throw new GraphSourceException(spec.Text, e.Message, isMissing: true, e);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or OutOfMemoryException)
        {
            throw new GraphSourceException(spec.Text, e.Message, isMissing: false, e);
        }
    }

    private static GraphSourceException NoGraphs(GraphSourceSpec spec, string directory)
    {
        if (!Directory.Exists(directory))
            return new GraphSourceException(spec.Text, $"folder '{directory}' does not exist.", isMissing: true);
        var below = RawCsrDirectory.SubfoldersWithGraphs(directory);
        return new GraphSourceException(spec.Text,
            $"no NAME.indptr/NAME.indices pairs in '{directory}'" +
            (below.Count > 0 ? $"; its subfolder{(below.Count > 1 ? "s" : "")} {string.Join(", ", below.Select(b => $"'{b}'"))} hold{(below.Count > 1 ? "" : "s")} some (use dir:{below[0]})." : "."),
            isMissing: true);
    }
}
