using System.Text.Json.Serialization;

namespace MaxK.Harness.Vocabulary;

/// <summary>
/// What a result file is for (manifest <c>role</c>). Words: "headline", "diagnostic", "probe". Only headline files fill
/// headline tables and claim values; the others appear on their run pages and in the detail sections that name them.
/// </summary>
public enum RunRole
{
    /// <summary>A measurement the project stands behind: the default, paper, kernels, accuracy and peers suites.</summary>
    [JsonStringEnumMemberName("headline")]
    Headline,

    /// <summary>A measurement made to explain others, never a result (the loads-only floors of the floor suite).</summary>
    [JsonStringEnumMemberName("diagnostic")]
    Diagnostic,

    /// <summary>A one-off probe: single <c>maxk train</c> runs, smoke runs, learning-rate and homophily probes.</summary>
    [JsonStringEnumMemberName("probe")]
    Probe,
}

/// <summary>
/// Words of <see cref="RunRole"/> and the role of a suite whose file or manifest does not say, by one mapping of its
/// name (results written before roles existed have none):
/// <list type="bullet">
/// <item>diagnostic: <c>floor</c>, and any suite whose name contains "floor" or "diagnostic";</item>
/// <item>headline: <c>default</c>, <c>paper</c>, <c>kernels</c> (the <c>maxk kernels</c> command), <c>accuracy</c>,
/// <c>accuracy-seeds</c>, and suites named <c>peers</c>… or <c>released</c>… (peer runs; their peer records fill only
/// the peer columns);</item>
/// <item>probe: everything else, among them <c>train</c> (a single <c>maxk train --json</c> run), <c>smoke</c>,
/// <c>verify</c>, and any suite whose name contains "probe". An unknown suite is a probe, so it never fills a headline
/// cell by accident.</item>
/// </list>
/// </summary>
public static class RunRoles
{
    private static readonly string[] HeadlineSuites = ["default", "paper", "kernels", "accuracy", "accuracy-seeds"];

    /// <summary>The role a suite of this name has when its file or manifest does not say.</summary>
    public static RunRole ForSuite(string suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        if (suite.Contains("floor", StringComparison.Ordinal) || suite.Contains("diagnostic", StringComparison.Ordinal))
            return RunRole.Diagnostic;
        if (suite.Contains("probe", StringComparison.Ordinal))
            return RunRole.Probe;
        if (HeadlineSuites.Contains(suite, StringComparer.Ordinal) || suite.StartsWith("peers", StringComparison.Ordinal)
            || suite.StartsWith("released", StringComparison.Ordinal))
            return RunRole.Headline;
        return RunRole.Probe;
    }

    /// <summary>The word on disk and on pages: headline, diagnostic or probe.</summary>
    public static string Word(this RunRole role) => Words.Of(role);

    /// <summary>Parses a word (headline, diagnostic, probe); null for anything else.</summary>
    public static RunRole? Parse(string? word) => Words.TryParse<RunRole>(word, out var role) ? role : null;
}
