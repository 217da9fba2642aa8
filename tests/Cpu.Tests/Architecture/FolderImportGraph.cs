using System.Text.RegularExpressions;

namespace MaxK.Tests.Architecture;

/// <summary>
/// Which top-level folder of a project uses which other, read from the sources: <c>using Root.X…</c> directives (static and
/// alias forms too), fully qualified <c>Root.X.</c> names, and names qualified by a sibling folder alone (<c>X.Type</c>,
/// which C# resolves from inside <c>Root.Y</c>). Files in the root namespace are left out (they are the entry point and
/// the project-wide exception).
/// </summary>
internal sealed class FolderImportGraph
{
    private FolderImportGraph(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> edges) => Edges = edges;

    /// <summary>folder → (imported folder → the first file that imports it).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Edges { get; }

    public static FolderImportGraph Read(string project, string rootNamespace)
    {
        var files = SourceText.Files(project);
        var folders = files.Select(f => f.Path.Split(Path.DirectorySeparatorChar)).Where(p => p.Length > 1).Select(p => p[0]).ToHashSet(StringComparer.Ordinal);
        var edges = folders.ToDictionary(f => f, _ => new SortedDictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var root = Regex.Escape(rootNamespace);
        var usingDirective = new Regex(@"\busing\s+(?:static\s+)?(?:\w+\s*=\s*)?" + root + @"\.(?<folder>\w+)");
        var qualified = new Regex(@"(?<![\w.])" + root + @"\.(?<folder>\w+)\.");
        var sibling = new Regex(@"(?<![\w.])(?<folder>[A-Z]\w*)\.(?=[A-Z])");
        foreach (var (path, text) in files)
        {
            var parts = path.Split(Path.DirectorySeparatorChar);
            if (parts.Length == 1)
                continue;
            var from = parts[0];
            var code = SourceText.Code(text);
            var used = usingDirective.Matches(code).Concat(qualified.Matches(code)).Concat(sibling.Matches(code))
                .Select(m => m.Groups["folder"].Value).Where(f => f != from && folders.Contains(f));
            foreach (var to in used)
                edges[from].TryAdd(to, path);
        }
        return new FolderImportGraph(edges.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value, StringComparer.Ordinal));
    }

    /// <summary>A cycle as folders (first = last), or null when the graph has none.</summary>
    public IReadOnlyList<string>? FindCycle() => FindCycle(Edges.ToDictionary(e => e.Key, e => e.Value.Keys.ToList() as IReadOnlyCollection<string>));

    /// <summary>A cycle of <paramref name="graph"/> (first = last), or null.</summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, IReadOnlyCollection<string>> graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in (graph.TryGetValue(node, out var targets) ? targets : []).Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1)
                    return [.. path.Skip(path.IndexOf(next)), next];
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } cycle)
                    return cycle;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
                return cycle;
        }
        return null;
    }

    /// <summary>"A -> B (A/File.cs)" for each edge of the cycle, for a failure message.</summary>
    public string Explain(IReadOnlyList<string> cycle) =>
        string.Join("; ", cycle.Zip(cycle.Skip(1)).Select(p => $"{p.First} -> {p.Second} ({Edges[p.First][p.Second]})"));
}
