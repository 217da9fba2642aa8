namespace MaxK.Harness.Suites;

/// <summary>A suite file that cannot be used: the message names the file, the line and the field.</summary>
public sealed class SuiteFormatException(string file, int line, string field, string problem)
    : Exception($"{file}:{line}: field '{field}': {problem}")
{
    public string File { get; } = file;

    /// <summary>1-based line of the offending token (0 when unknown).</summary>
    public int Line { get; } = line;

    /// <summary>JSON path of the field, e.g. sections[1].ks[0].</summary>
    public string Field { get; } = field;
}
