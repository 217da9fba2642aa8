using System.Text.Json;

namespace MaxK.Harness.Suites;

/// <summary>
/// The 1-based line of every property and array element of a JSON document, keyed by its path
/// (<c>sections[1].ks[0]</c>), so errors found after parsing can still name the line.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public JsonLineMap(ReadOnlySpan<byte> utf8)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
                lineStarts.Add(i + 1);
        }
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // Each frame: the container's path, whether it is an array, and the next element index.
        var stack = new Stack<(string Path, bool Array, int Index)>();
        string? pendingProperty = null;
        while (reader.Read())
        {
            var line = LineOf(lineStarts, (int)reader.TokenStartIndex);
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                var parent = stack.Peek().Path;
                pendingProperty = parent.Length == 0 ? reader.GetString()! : $"{parent}.{reader.GetString()}";
                _lines[pendingProperty] = line;
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.Pop();
                continue;
            }
            string path;
            if (pendingProperty is not null)
            {
                path = pendingProperty;
                pendingProperty = null;
            }
            else if (stack.Count > 0 && stack.Peek().Array)
            {
                var top = stack.Pop();
                path = $"{top.Path}[{top.Index}]";
                stack.Push(top with { Index = top.Index + 1 });
                _lines[path] = line;
            }
            else
            {
                path = "";
                _lines[path] = line;
            }
            if (reader.TokenType == JsonTokenType.StartObject)
                stack.Push((path, false, 0));
            else if (reader.TokenType == JsonTokenType.StartArray)
                stack.Push((path, true, 0));
        }
    }

    /// <summary>The line of <paramref name="path"/>, else of its nearest recorded parent, else 1.</summary>
    public int Line(string path)
    {
        while (true)
        {
            if (_lines.TryGetValue(path, out var line))
                return line;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
                return _lines.TryGetValue("", out var root) ? root : 1;
            path = path[..cut];
        }
    }

    private static int LineOf(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
