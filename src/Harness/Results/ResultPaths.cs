namespace MaxK.Harness.Results;

/// <summary>Where result files go: <c>&lt;output&gt;/&lt;label&gt;/&lt;utc-date&gt;_&lt;commit8&gt;/&lt;name&gt;.json</c>.</summary>
public static class ResultPaths
{
    /// <param name="output">The results root (e.g. artifacts/results).</param>
    /// <param name="label">Host name or GPU model; sanitised to letters, digits, '-', '_' and '.'.</param>
    /// <param name="manifest">Supplies the start date (UTC) and the commit (first 8 characters).</param>
    /// <param name="name">File name without extension, e.g. the suite.</param>
    public static string File(string output, string label, RunManifest manifest, string name)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var commit = manifest.HarnessCommit.Length >= 8 ? manifest.HarnessCommit[..8] : manifest.HarnessCommit;
        return Path.Combine(output, Sanitize(label), $"{manifest.StartedUtc.UtcDateTime:yyyy-MM-dd}_{Sanitize(commit)}", $"{name}.json");
    }

    /// <summary>Keeps ASCII letters, digits, '-', '_' and '.'; replaces everything else (spaces, slashes) with '_'.</summary>
    public static string Sanitize(string name) =>
        name.Length == 0 ? "_" : new([.. name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_')]);
}
