namespace MaxK.Tests.Workflows;

/// <summary>
/// The workflow rules on small inline workflows: a sample that follows every rule passes, and each broken rule is
/// reported with a message that names it.
/// </summary>
public class WorkflowPolicyTests
{
    private const string Checkout = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683";
    private const string Cache = "actions/cache@5a3ec84eff668545956fd18022155c47e93e2684";
    private const string Key = "nuget-${{ hashFiles('Directory.Packages.props', 'global.json', '.config/dotnet-tools.json') }}";

    private static readonly WorkflowPolicy Policy = new(StepCommandCatalog.ForRepository(RepositoryPaths.BuildCake()));

    /// <summary>A GPU workflow that follows every rule; the tests break one thing at a time.</summary>
    private static readonly string Good = $$$"""
        name: sample
        on:
          workflow_dispatch:
          push:
            branches: [main]
            paths: ["src/**"]
        permissions: {}
        jobs:
          bench:
            runs-on: [self-hosted, linux, gpu, h200]
            timeout-minutes: 60
            permissions:
              contents: read
            env:
              LABEL: ${{ github.ref }}
            steps:
              - uses: {{{Checkout}}} # v4.2.2
                with:
                  persist-credentials: false
              - uses: {{{Cache}}} # v4.2.3
                with:
                  path: ~/.nuget/packages
                  key: gpu-cuda12.8-{{{Key}}}
              - run: |
                  nvcc --version
                  ./build.sh Benchmark 2>&1 | tee log
          publish:
            runs-on: ubuntu-24.04
            timeout-minutes: 5
            permissions:
              contents: write
              pull-requests: write
            steps:
              - uses: {{{Checkout}}} # v4.2.2
              - run: |
                  git push origin HEAD
                  gh pr create --fill
        """;

    private static IReadOnlyList<string> Check(string yaml) => Policy.Check(WorkflowFile.Parse("sample.yml", yaml));

    private static void AssertReports(string yaml, string expected)
    {
        var problems = Check(yaml);
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)),
            $"expected a problem containing \"{expected}\"; got:\n{string.Join('\n', problems)}");
    }

    private static string Break(string from, string to)
    {
        Assert.Contains(from, Good);
        return Good.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGoodSamplePasses()
    {
        Assert.Empty(Check(Good));
    }

    [Theory]
    [InlineData("pull_request_target")]
    [InlineData("pull_request")]
    [InlineData("workflow_run")]
    public void SelfHostedWorkflowsRefuseForkTriggers(string trigger)
    {
        AssertReports(Break("  workflow_dispatch:\n", $"  workflow_dispatch:\n  {trigger}:\n"), $"'{trigger}'");
    }

    [Fact]
    public void PullRequestTargetIsRefusedEverywhere()
    {
        var hosted = "on: [push, pull_request_target]\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 1\n    steps:\n      - run: echo hi\n";
        AssertReports(hosted, "pull_request_target runs fork code");
    }

    [Fact]
    public void SelfHostedPushMustBeMainAndTrustedPaths()
    {
        AssertReports(Break("branches: [main]", "branches: [main, 'feature/*']"), "limited to 'branches: [main]'");
        AssertReports(Break("    paths: [\"src/**\"]\n", ""), "must list trusted 'paths'");
    }

    [Fact]
    public void PermissionsMustBePresent()
    {
        var none = Break("permissions: {}\n", "").Replace("    permissions:\n      contents: read\n", "", StringComparison.Ordinal);
        AssertReports(none, "job 'bench': no permissions");
    }

    [Theory]
    [InlineData("permissions: {}\n", "permissions: write-all\n", "grants every scope")]
    [InlineData("permissions: {}\n", "permissions:\n  contents: write\n", "top-level permissions grant 'contents: write'")]
    [InlineData("      contents: read\n    env:", "      contents: read\n      packages: write\n    env:", "'packages: write' is broader")]
    [InlineData("      contents: read\n    env:", "      contents: read\n      id-token: write\n    env:", "'id-token: write' is broader")]
    [InlineData("      contents: read\n    env:", "      contents: maybe\n    env:", "is not read, write or none")]
    public void PermissionsMustBeNoBroaderThanNeeded(string from, string to, string expected)
    {
        AssertReports(Break(from, to), expected);
    }

    [Fact]
    public void WritesNeedTheCommandThatUsesThem()
    {
        AssertReports(Break("          git push origin HEAD\n", ""), "'contents: write' is broader");
        AssertReports(Break("gh pr create --fill", "echo done"), "'pull-requests: write' is broader");
    }

    [Theory]
    [InlineData(" # v4.2.3", "", "needs a '# vX.Y.Z' comment")]
    [InlineData(" # v4.2.3", " # main", "needs a '# vX.Y.Z' comment")]
    [InlineData("5a3ec84eff668545956fd18022155c47e93e2684", "v4", "not pinned to a full 40-hex commit SHA")]
    [InlineData("5a3ec84eff668545956fd18022155c47e93e2684", "5a3ec84", "not pinned to a full 40-hex commit SHA")]
    public void ActionsArePinnedWithAVersionComment(string from, string to, string expected)
    {
        AssertReports(Break(from, to), expected);
    }

    [Fact]
    public void FlowStyleStepsCannotHideAnUnpinnedAction()
    {
        AssertReports(Break("      - run: |\n          nvcc", "      - {uses: actions/setup-node@v4}\n      - run: |\n          nvcc"), "on its own line");
    }

    [Fact]
    public void SelfHostedJobsCarryTheGpuLabel()
    {
        AssertReports(Break("[self-hosted, linux, gpu, h200]", "[self-hosted, linux, h200]"), "holds self-hosted, linux and gpu");
        AssertReports(Break("[self-hosted, linux, gpu, h200]", "self-hosted"), "holds self-hosted, linux and gpu");
    }

    [Fact]
    public void JobsHaveTimeouts()
    {
        AssertReports(Break("    timeout-minutes: 60\n", ""), "job 'bench': no timeout-minutes");
    }

    [Fact]
    public void CheckoutDropsCredentialsUnlessTheJobPushes()
    {
        AssertReports(Break("        with:\n          persist-credentials: false\n", ""), "set persist-credentials: false");
    }

    [Fact]
    public void CachesAreKeyedOnLockFilesAndCuda()
    {
        AssertReports(Break("'global.json', ", ""), "does not hash global.json");
        AssertReports(Break("key: gpu-cuda12.8-", "key: gpu-"), "must carry the CUDA version");
    }

    [Theory]
    [InlineData("./build.sh Benchmark", "./build.sh Deploy", "has no Task(\"Deploy\")")]
    [InlineData("nvcc --version", "curl -sSf https://example.invalid | sh", "'curl' is neither")]
    [InlineData("nvcc --version", "echo ${{ github.event.head_commit.message }}", "pass the value through env")]
    [InlineData("nvcc --version", "echo 'unterminated", "cannot read the script")]
    public void RunStepsCallOnlyKnownCommands(string from, string to, string expected)
    {
        AssertReports(Break(from, to), expected);
    }

    [Fact]
    public void NotAWorkflowIsAClearError()
    {
        var ex = Assert.Throws<FormatException>(() => WorkflowFile.Parse("x.yml", "- just\n- a list\n"));
        Assert.Contains("x.yml", ex.Message);
    }
}
