using System.Text.Json;
using System.Text.Json.Serialization;

namespace MaxK.Harness.Results;

/// <summary>The one JSON dialect of result files: snake_case names, indented, enums as words, invariant numbers.</summary>
public static class ResultJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(RunResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>Reads a result file (a UTF-8 byte order mark is skipped); a corrupt one is an error naming the file.</summary>
    public static RunResult Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunResult>(WithoutByteOrderMark(File.ReadAllBytes(path)).Span, Options)
                ?? throw new HarnessException($"Result file '{path}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new HarnessException($"Result file '{path}' is not a valid {RunResult.CurrentSchema} file: {ex.Message}", ex);
        }
    }

    /// <summary>The bytes after a leading UTF-8 byte order mark (EF BB BF), or all of them: JSON readers of raw UTF-8 reject the mark.</summary>
    public static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8.AsMemory(3) : utf8;
    }
}
