using System.Text.Json;
using Json.Schema;

namespace MaxK.Harness.Results;

/// <summary>
/// Validates result files against the JSON Schema of <see cref="RunResult.CurrentSchema"/>
/// (results/schema/maxk-results-1.schema.json, embedded in the harness).
/// </summary>
public static class ResultSchemaValidator
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(ResultSchemaValidator).Assembly.GetManifestResourceStream("maxk-results-1.schema.json")
            ?? throw new InvalidOperationException("The results schema is not embedded in the harness.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    /// <summary>Problems found in one file ("" = valid); a file that is not JSON gives one problem naming it.</summary>
    public static IReadOnlyList<string> Validate(string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path));
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
            var problems = new List<string>();
            foreach (var detail in result.Details ?? [])
            {
                foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
                    problems.Add($"{path}: at '{detail.InstanceLocation}': {keyword}: {message}");
            }
            return problems.Count > 0 ? problems : [$"{path}: does not match {RunResult.CurrentSchema}"];
        }
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
