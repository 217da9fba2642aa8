using System.Text.Json;
using Json.Schema;

namespace MaxK.Harness.Results;

/// <summary>
/// Validates result files against the JSON Schema of <see cref="RunResult.CurrentSchema"/>
/// (results/schema/maxk-results-1.schema.json, embedded in the harness), with no key given twice in one object. Each
/// problem names the file and the field that fails. What the schema cannot say (times in order, speed-ups that match
/// their medians, unique ids) is checked on top by Analysis/ResultValidation, which <c>maxk results validate</c> runs.
/// </summary>
public static class ResultSchemaValidator
{
    private static readonly Lazy<string> SchemaText = new(() =>
    {
        using var stream = typeof(ResultSchemaValidator).Assembly.GetManifestResourceStream("maxk-results-1.schema.json")
            ?? throw new InvalidOperationException("The results schema is not embedded in the harness.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(SchemaText.Value));

    private static readonly Lazy<JsonDocument> SchemaDocument = new(() => JsonDocument.Parse(SchemaText.Value));

    /// <summary>Problems found in one file (empty = valid); a file that is not JSON gives one problem naming it.</summary>
    public static IReadOnlyList<string> Validate(string path)
    {
        JsonDocument doc;
        try
        {
            var utf8 = ResultJson.WithoutByteOrderMark(File.ReadAllBytes(path)); // a UTF-8 BOM is tolerated (editors add one)
            if (JsonDuplicateKeys.Find(utf8.Span) is { } duplicate)
                return [$"{path}: line {duplicate.Line}: key '{duplicate.Key}' is given twice in {duplicate.Path}; a reader would silently keep one of the values."];
            doc = JsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            return [$"{path}: not valid JSON ({ex.Message})"];
        }
        using (doc)
        {
            var result = Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (result.IsValid)
                return [];
            var problems = SchemaProblems(path, result);
            return problems.Count > 0 ? problems : [$"{path}: does not match {RunResult.CurrentSchema}"];
        }
    }

    /// <summary>
    /// The failures that decide the outcome. The List output also reports each if-condition that did not hold (e.g.
    /// "required: diagnostic" for every ordinary case): those only choose the then- or else-branch and are left out, so
    /// the message names the field that breaks the branch that applies, and the condition that made it apply.
    /// </summary>
    private static List<string> SchemaProblems(string path, EvaluationResults result)
    {
        var problems = new List<string>();
        foreach (var detail in result.Details ?? [])
        {
            if (detail.Errors is null || detail.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal))
                continue;
            var rule = Condition(detail.SchemaLocation) is { } condition ? $" (required where {condition})" : "";
            foreach (var (keyword, message) in detail.Errors)
                problems.Add($"{path}: at '{detail.InstanceLocation}': {keyword}: {message}{rule}");
        }
        return problems;
    }

    /// <summary>The "if" of the conditional rule a then- or else-failure belongs to, as compact JSON ("not …" for an else-branch); null otherwise.</summary>
    private static string? Condition(Uri? schemaLocation)
    {
        var pointer = Uri.UnescapeDataString(schemaLocation?.Fragment.TrimStart('#') ?? "");
        var then = pointer.LastIndexOf("/then", StringComparison.Ordinal);
        var otherwise = pointer.LastIndexOf("/else", StringComparison.Ordinal);
        var cut = Math.Max(then, otherwise);
        if (cut < 0)
            return null;
        var node = SchemaDocument.Value.RootElement;
        foreach (var segment in (pointer[..cut] + "/if").Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var child))
                node = child;
            else if (node.ValueKind == JsonValueKind.Array && int.TryParse(name, out var index) && index < node.GetArrayLength())
                node = node[index];
            else
                return null;
        }
        var condition = JsonSerializer.Serialize(node); // compact, one line
        return otherwise > then ? $"not {condition}" : condition;
    }

    /// <summary>
    /// Every result file under <paramref name="directory"/> in ordinal order: the schema folder and BenchmarkDotNet's
    /// exports (any folder named "micro", see <c>maxk micro</c>) are not result files.
    /// </summary>
    public static IReadOnlyList<string> ResultFiles(string directory) =>
        Directory.GetFiles(directory, "*.json", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(directory, f).StartsWith("schema" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(directory, f).Split(Path.DirectorySeparatorChar).SkipLast(1).Contains("micro"))
            .Order(StringComparer.Ordinal)
            .ToList();
}
