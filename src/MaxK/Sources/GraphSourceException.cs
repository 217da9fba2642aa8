namespace MaxK.Sources;

/// <summary>
/// A graph source that cannot be loaded: a malformed spec, or missing or bad files behind a good one. The message is one
/// line naming the spec and the problem (the file and the check that failed); <see cref="IsMissing"/> tells data that is
/// absent here (a caller may skip it or fall back) from data that is wrong (refuse it).
/// </summary>
public sealed class GraphSourceException(string spec, string problem, bool isMissing = false, Exception? innerException = null)
    : IOException($"Graph source '{spec}': {problem}", innerException)
{
    /// <summary>The spec as given.</summary>
    public string Spec { get; } = spec;

    /// <summary>True when the files or folder do not exist (as opposed to a bad spec or bad content).</summary>
    public bool IsMissing { get; } = isMissing;
}
