using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MaxK.Tests.Workflows;

/// <summary>
/// A GitHub Actions workflow as a YAML tree, plus the <c>uses:</c> lines of its text (YAML comments hold the version
/// of a SHA-pinned action, and the YAML tree drops comments).
/// </summary>
public sealed partial class WorkflowFile
{
    private WorkflowFile(string name, YamlMappingNode root, IReadOnlyList<(string Value, string? Comment)> usesLines)
    {
        Name = name;
        Root = root;
        UsesLines = usesLines;
    }

    /// <summary>The file name (e.g. benchmark.yml), used in problem messages.</summary>
    public string Name { get; }

    public YamlMappingNode Root { get; }

    /// <summary>Every <c>uses: X # comment</c> line of the text, in order; Comment is null when there is none.</summary>
    public IReadOnlyList<(string Value, string? Comment)> UsesLines { get; }

    public static WorkflowFile Load(string path) => Parse(Path.GetFileName(path), File.ReadAllText(path));

    /// <exception cref="FormatException">The text is not YAML whose top level is a mapping.</exception>
    public static WorkflowFile Parse(string name, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new FormatException($"{name}: not valid YAML ({ex.Message})", ex);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new FormatException($"{name}: a workflow is one YAML document whose top level is a mapping");
        var lines = text.Split('\n').Select(l => UsesLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups[1].Value.Trim('"', '\''), m.Groups[2].Success ? m.Groups[2].Value.Trim() : null)).ToList();
        return new WorkflowFile(name, root, lines);
    }

    /// <summary>The trigger events under <c>on:</c> (a word, a list or a mapping), each with its settings node or null.</summary>
    public IReadOnlyDictionary<string, YamlNode?> Triggers => Child(Root, "on") switch
    {
        YamlScalarNode s => new Dictionary<string, YamlNode?> { [s.Value ?? ""] = null },
        YamlSequenceNode q => q.Children.OfType<YamlScalarNode>().ToDictionary(s => s.Value ?? "", _ => (YamlNode?)null),
        YamlMappingNode m => m.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => (YamlNode?)p.Value),
        _ => new Dictionary<string, YamlNode?>(),
    };

    /// <summary>The jobs by id.</summary>
    public IReadOnlyDictionary<string, YamlMappingNode> Jobs =>
        Child(Root, "jobs") is YamlMappingNode jobs
            ? jobs.Children.Where(p => p.Value is YamlMappingNode).ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => (YamlMappingNode)p.Value)
            : new Dictionary<string, YamlMappingNode>();

    /// <summary>The value under <paramref name="key"/> in <paramref name="node"/> when it is a mapping; null otherwise.</summary>
    public static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The text of a scalar at <paramref name="key"/>, or null.</summary>
    public static string? Text(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    /// <summary>The steps of a job (mappings only).</summary>
    public static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode job) =>
        Child(job, "steps") is YamlSequenceNode steps ? [.. steps.Children.OfType<YamlMappingNode>()] : [];

    [GeneratedRegex("""^\s*(?:-\s+)?uses:\s*([^\s#]+)\s*(?:(#.*))?$""")]
    private static partial Regex UsesLine();
}
