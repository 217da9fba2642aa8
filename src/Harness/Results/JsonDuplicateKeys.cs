using System.Text.Json;

namespace MaxK.Harness.Results;

/// <summary>
/// Finds a key given twice in one JSON object. System.Text.Json reads such a document with the last value winning,
/// silently; result and suite files must say one thing once. Comments and trailing commas are skipped (suite files allow them).
/// </summary>
public static class JsonDuplicateKeys
{
    /// <summary>The first repeated key (document order) with its 1-based line and the JSON path of its object, or null when every key is unique.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static (string Key, int Line, string Path)? Find(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var scopes = new Stack<(HashSet<string>? Keys, string Path, int Index)>();
        var path = "";
        var pendingKey = (string?)null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var here = Child(scopes, path, pendingKey);
                    scopes.Push((reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null, here, 0));
                    path = here;
                    pendingKey = null;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    scopes.Pop();
                    path = scopes.Count > 0 ? scopes.Peek().Path : "";
                    Advance(scopes);
                    break;
                case JsonTokenType.PropertyName:
                    var key = reader.GetString()!;
                    if (!scopes.Peek().Keys!.Add(key))
                        return (key, Line(utf8, (int)reader.TokenStartIndex), path.Length == 0 ? "(root)" : path);
                    pendingKey = key;
                    break;
                default:
                    pendingKey = null;
                    Advance(scopes);
                    break;
            }
        }
        return null;
    }

    private static string Child(Stack<(HashSet<string>? Keys, string Path, int Index)> scopes, string path, string? key)
    {
        if (scopes.Count == 0)
            return "";
        var parent = scopes.Peek();
        return parent.Keys is null ? $"{path}[{parent.Index}]" : path.Length == 0 ? key! : $"{path}.{key}";
    }

    /// <summary>Counts an element of the enclosing array.</summary>
    private static void Advance(Stack<(HashSet<string>? Keys, string Path, int Index)> scopes)
    {
        if (scopes.Count > 0 && scopes.Peek().Keys is null)
        {
            var top = scopes.Pop();
            scopes.Push(top with { Index = top.Index + 1 });
        }
    }

    private static int Line(ReadOnlySpan<byte> utf8, int offset) => utf8[..offset].Count((byte)'\n') + 1;
}
