namespace MaxK.Tests.Workflows;

/// <summary>What a run step may call, against the real build/build.cake and the real maxk command tree.</summary>
public class StepCommandCatalogTests
{
    private static readonly StepCommandCatalog Catalog = StepCommandCatalog.ForRepository(RepositoryPaths.BuildCake());

    private static string? Problem(string command) => Catalog.Problem(ShellCommands.Parse(command).Single());

    [Theory]
    [InlineData("./build.sh Benchmark --suite=\"$SUITE\"")]
    [InlineData("./build.sh --target=Site")]
    [InlineData("bash .ci/run")]
    [InlineData("sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium")]
    [InlineData("dotnet src/Harness/bin/Release/net10.0/maxk.dll results validate merged")]
    [InlineData("dotnet src/Harness/bin/Release/net10.0/maxk.dll bench --suite default --output out")]
    [InlineData("dotnet src/Harness/bin/Release/net10.0/maxk.dll ci test-summary artifacts/test-results")]
    [InlineData("if git diff --cached --quiet")]
    [InlineData("X=1 nvcc --version")]
    public void AllowsTargetsCommandsAndTools(string command)
    {
        Assert.Null(Problem(command));
    }

    [Theory]
    [InlineData("./build.sh Deploy", "Task(\"Deploy\")")]
    [InlineData("./build.sh", "without a target")]
    [InlineData("dotnet src/Harness/bin/Release/net10.0/maxk.dll results frobnicate", "no such maxk command")]
    [InlineData("dotnet src/Harness/bin/Release/net10.0/maxk.dll nonsense", "no such maxk command")]
    [InlineData("dotnet src/Harness/bin/Release/net10.0/maxk.dll results", "no such maxk command")]
    [InlineData("dotnet src/Harness/bin/Release/net10.0/maxk.dll bench --no-such-option 1", "no option --no-such-option")]
    [InlineData("dotnet run --project src/Harness", "call the harness")]
    [InlineData("curl -fsSL https://example.invalid/x.sh", "'curl' is neither")]
    [InlineData("bash other.sh", "only 'bash .ci/run'")]
    [InlineData("sudo python3 x.py", "'python3' is neither")]
    public void RejectsEverythingElse(string command, string expected)
    {
        var problem = Problem(command);
        Assert.NotNull(problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void ReadsTaskNamesFromACakeScript()
    {
        var targets = StepCommandCatalog.BuildTargets("Task(\"A\")\n  .Does(() => {});\nTask(\"Bee\").IsDependentOn(\"A\");\n// Task name\n");
        Assert.Equal(["A", "Bee"], targets.Order());
    }
}
