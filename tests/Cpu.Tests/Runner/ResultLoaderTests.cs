using MaxK.Harness.Cli;
using MaxK.Harness.Results;

namespace MaxK.Tests.Runner;

public class ResultLoaderTests
{
    [Fact]
    public void ACorruptFileIsNamedAndTheOthersStillLoad()
    {
        using var dir = new ScratchFolder();
        File.WriteAllText(dir.File("s.json"), ShardMergeTests.TinySuite);
        Assert.Equal(0, MaxkCli.Run(["bench", "--suite", dir.File("s.json"), "--output", dir.File("r"), "--cpu-only"], TextWriter.Null, TextWriter.Null));
        var corrupt = Path.Combine(dir.File("r"), "corrupt.json");
        File.WriteAllText(corrupt, "{ \"schema\": \"maxk-results/1\", \"manifest\": ");

        var loaded = ResultLoader.Load([dir.File("r")]);
        Assert.Single(loaded.Results);
        Assert.Contains(corrupt, Assert.Single(loaded.Problems));

        var output = new StringWriter();
        var exit = MaxkCli.Run(["analyze", dir.File("r")], output, output);
        Assert.Equal(1, exit);
        Assert.Contains(corrupt, output.ToString());
        Assert.Contains("1 result file(s) read", output.ToString());
    }
}
