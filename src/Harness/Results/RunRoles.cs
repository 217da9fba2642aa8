namespace MaxK.Harness.Results;

/// <summary>
/// The role of a result file: the manifest's <c>role</c> when recorded, else derived from the suite name by one mapping
/// (results written before roles existed have none):
/// <list type="bullet">
/// <item>diagnostic: <c>floor</c>, and any suite whose name contains "floor" or "diagnostic";</item>
/// <item>headline: <c>default</c>, <c>paper</c>, <c>kernels</c> (the <c>maxk kernels</c> command), <c>accuracy</c>,
/// <c>accuracy-seeds</c>, and suites named <c>peers</c>… or <c>released</c>… (peer runs; their peer records fill only
/// the peer columns);</item>
/// <item>probe: everything else, among them <c>train</c> (a single <c>maxk train --json</c> run), <c>smoke</c>, and any
/// suite whose name contains "probe". An unknown suite is a probe, so it never fills a headline cell by accident.</item>
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

    /// <summary>The manifest's recorded role, else <see cref="ForSuite"/> of its suite.</summary>
    public static RunRole Of(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Role ?? ForSuite(manifest.Suite);
    }

    /// <summary>The word on disk and on pages: headline, diagnostic or probe.</summary>
    public static string Word(this RunRole role) => role switch
    {
        RunRole.Headline => "headline",
        RunRole.Diagnostic => "diagnostic",
        _ => "probe",
    };

    /// <summary>Parses a word (headline, diagnostic, probe); null for anything else.</summary>
    public static RunRole? Parse(string? word) => word switch
    {
        "headline" => RunRole.Headline,
        "diagnostic" => RunRole.Diagnostic,
        "probe" => RunRole.Probe,
        _ => null,
    };
}
