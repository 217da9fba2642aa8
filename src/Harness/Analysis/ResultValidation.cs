using MaxK.Harness.Results;

namespace MaxK.Harness.Analysis;

/// <summary>
/// What <c>maxk results validate</c> checks in one file: its JSON and schema (<see cref="ResultSchemaValidator"/>), then,
/// when those hold, its consistency (<see cref="ResultConsistency"/>). Each problem names the file and the field.
/// </summary>
public static class ResultValidation
{
    /// <summary>The problems of the file at <paramref name="path"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(string path)
    {
        var problems = ResultSchemaValidator.Validate(path);
        if (problems.Count > 0)
            return problems;
        RunResult result;
        try
        {
            result = ResultJson.Read(path);
        }
        catch (HarnessException ex)
        {
            return [$"{path}: matches the schema but cannot be read: {ex.Message}"];
        }
        return [.. ResultConsistency.Check(result).Select(p => $"{path}: {p}")];
    }
}
