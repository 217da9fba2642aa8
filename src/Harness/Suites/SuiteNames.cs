namespace MaxK.Harness.Suites;

/// <summary>
/// The alphabet of suite names. A suite's name becomes the name of its result file and journal under --output, and
/// suites may come from pull requests on self-hosted runners, so a name is one plain file name: ASCII letters, digits,
/// '-', '_' and '.', starting with a letter or digit, at most <see cref="MaxLength"/> characters: no '/', so no ".."
/// step and no absolute path.
/// </summary>
public static class SuiteNames
{
    public const int MaxLength = 100;

    /// <summary>Null when <paramref name="name"/> is a valid suite name, else what is wrong with it (one sentence).</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > MaxLength)
            return $"suite name is {name.Length} characters long; at most {MaxLength} are allowed";
        if (!char.IsAsciiLetterOrDigit(name[0]) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            return $"'{name}' is not a valid suite name: it becomes a file name, so use ASCII letters, digits, '-', '_' and '.' (starting with a letter or digit)";
        return null;
    }
}
