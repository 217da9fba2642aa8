
namespace MaxK.Tests.Runner;

/// <summary>
/// `maxk bench` with a malformed suite file: exit 2 with the reader's one line (file:line: field: problem), and nothing
/// written, not even the output folder. At c08d25c each of these crashed with exit 134 and a stack trace, and a suite
/// named "../../evil" or "/tmp/x" wrote its result outside --output.
/// </summary>
public class SuiteFileErrorTests
{
    private const string Kernel = """{ "name": "k", "kind": "kernel", "graphs": ["tiny-uniform"], "dims": [32], "ks": [4], "runs": 1, "warmup": 0 }""";

    [Theory]
    [InlineData("bad json", """{ "suite": "x", "sections": [ """, "not valid JSON")]
    [InlineData("unknown field", """{ "suite": "x", "bogus": 1, "sections": [K] }""", "field 'bogus': unknown field")]
    [InlineData("wrong type", """{ "suite": "x", "seed": "one", "sections": [K] }""", "field 'seed': must be an integer")]
    [InlineData("empty suite", """{ "suite": "x", "sections": [] }""", "needs at least one section")]
    [InlineData("bad kind", """{ "suite": "x", "sections": [{ "name": "k", "kind": "kernal", "graphs": ["tiny-uniform"], "ks": [4] }] }""", "'kernal' is not a section kind")]
    [InlineData("bad model", """{ "suite": "x", "sections": [{ "name": "t", "kind": "training", "datasets": ["cora"], "models": ["gat"], "variants": [{ "nonlinearity": "relu" }] }] }""", "'gat' is not a model")]
    [InlineData("bad preset", """{ "suite": "x", "sections": [{ "name": "k", "kind": "kernel", "graphs": ["tiny-unifrom"], "ks": [4] }] }""", "Did you mean 'tiny-uniform'?")]
    [InlineData("k = 0", """{ "suite": "x", "sections": [{ "name": "k", "kind": "kernel", "graphs": ["tiny-uniform"], "ks": [0] }] }""", "field 'sections[0].ks[0]': 0 is below 1")]
    [InlineData("runs = 0", """{ "suite": "x", "sections": [{ "name": "k", "kind": "kernel", "graphs": ["tiny-uniform"], "ks": [4], "runs": 0 }] }""", "field 'sections[0].runs': must be at least 1")]
    [InlineData("key twice", """{ "suite": "x", "suite": "y", "sections": [K] }""", ":1: field 'suite': is given twice in one object")]
    [InlineData("key twice in a section", "{ \"suite\": \"x\", \"sections\": [\n{ \"name\": \"k\", \"kind\": \"kernel\", \"graphs\": [\"tiny-uniform\"],\n \"ks\": [4], \"ks\": [8] }] }", ":3: field 'sections[0].ks': is given twice")]
    [InlineData("parent path as name", """{ "suite": "../../evil", "sections": [K] }""", "'../../evil' is not a valid suite name")]
    [InlineData("absolute path as name", """{ "suite": "/tmp/maxk-evil", "sections": [K] }""", "'/tmp/maxk-evil' is not a valid suite name")]
    [InlineData("slash in name", """{ "suite": "a/b", "sections": [K] }""", "is not a valid suite name")]
    public void IsExitTwoWithOneLineAndWritesNothing(string what, string json, string expected)
    {
        using var dir = new ScratchFolder();
        var suite = dir.File("suite.json");
        File.WriteAllText(suite, json.Replace("[K]", $"[{Kernel}]", StringComparison.Ordinal));
        var output = dir.File(Path.Combine("a", "b", "out"));
        var line = Cli.AssertUserError(Cli.Run("bench", "--suite", suite, "--output", output, "--cpu-only"));
        Assert.True(line.Contains(expected, StringComparison.Ordinal) && line.Contains("suite.json:", StringComparison.Ordinal), $"{what}: {line}");
        Assert.Equal(["suite.json"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
        Assert.False(File.Exists("/tmp/maxk-evil.json"));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("accuracy-seeds")]
    [InlineData("kernels-24.part1_v2")]
    public void PlainFileNamesAreSuiteNames(string name) => Assert.Null(MaxK.Harness.Suites.SuiteNames.Problem(name));

    [Theory]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("-dash")]
    [InlineData("a b")]
    [InlineData("naïve")]
    public void EverythingElseIsNot(string name) => Assert.NotNull(MaxK.Harness.Suites.SuiteNames.Problem(name));
}
