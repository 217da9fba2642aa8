using MaxK.Harness.Cli;
using MaxK.Harness.Results;
using MaxK.Harness.Runner;

namespace MaxK.Tests.Runner;

public class ShardMergeTests
{
    internal const string TinySuite = """
        {
          "suite": "tiny",
          "sections": [
            { "name": "k", "kind": "kernel", "graphs": ["tiny-uniform", "tiny-rmat"], "dims": [32], "ks": [4, 8], "runs": 2, "warmup": 0 }
          ]
        }
        """;

    private static (int Exit, string Output) Maxk(params string[] args)
    {
        var output = new StringWriter();
        var exit = MaxkCli.Run(args, output, output);
        return (exit, output.ToString());
    }

    private static string Single(string dir) => Assert.Single(ResultSchemaValidator.ResultFiles(dir));

    [Fact]
    public void TwoShardsMergeToTheUnshardedCaseSet()
    {
        using var dir = new ScratchFolder();
        var suite = dir.File("tiny.json");
        File.WriteAllText(suite, TinySuite);
        string Run(string name, params string[] extra)
        {
            var output = Path.Combine(dir.Path, name);
            var (exit, text) = Maxk(["bench", "--suite", suite, "--output", output, "--cpu-only", .. extra]);
            Assert.True(exit == 0, text);
            return output;
        }
        var whole = ResultJson.Read(Single(Run("whole")));
        var one = Run("one", "--shard", "1/2");
        var two = Run("two", "--shard", "2/2");
        var shard1 = ResultJson.Read(Single(one));
        Assert.Equal("1/2", shard1.Manifest.Shard);
        Assert.EndsWith("tiny.shard-1-of-2.json", Single(one), StringComparison.Ordinal);
        Assert.Equal(7, shard1.Cases.Count); // 14 cases: 2 graphs × (dense + 2 k × 3 kernels)

        var (exit, text) = Maxk("results", "merge", one, two, "--output", Path.Combine(dir.Path, "merged"));
        Assert.True(exit == 0, text);
        var mergedFile = Single(Path.Combine(dir.Path, "merged"));
        Assert.Empty(ResultSchemaValidator.Validate(mergedFile));
        var merged = ResultJson.Read(mergedFile);
        Assert.Equal(whole.Cases.Select(c => c.Id).Order(), merged.Cases.Select(c => c.Id).Order());
        Assert.Equal(["1/2", "2/2"], merged.Manifest.MergedShards);
        Assert.Null(merged.Manifest.Shard);
        // Speed-ups are recomputed over the merged set (the dense baseline may sit in the other shard).
        Assert.Equal(whole.Cases.Count(c => c.Speedup is not null), merged.Cases.Count(c => c.Speedup is not null));

        // A shard given twice or left out: refused, nothing written (a file that looks complete would lack cases).
        var again = Path.Combine(dir.Path, "again");
        (exit, text) = Maxk("results", "merge", one, one, two, "--output", again);
        Assert.Equal(MaxkCli.UserErrorExitCode, exit);
        Assert.Contains("Shard 1/2 is given twice", text);
        (exit, text) = Maxk("results", "merge", two, "--output", again);
        Assert.Equal(MaxkCli.UserErrorExitCode, exit);
        Assert.Contains("Shard(s) 1/2 missing", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(again));
        (exit, text) = Maxk("results", "merge", one, Path.Combine(dir.Path, "whole"), "--output", again);
        Assert.Equal(MaxkCli.UserErrorExitCode, exit);
        Assert.Contains("is a whole (unsharded) run", text);
    }

    [Fact]
    public void ConflictingDuplicatesAndDifferentSuitesAreRejected()
    {
        using var dir = new ScratchFolder();
        var suite = dir.File("tiny.json");
        File.WriteAllText(suite, TinySuite);
        Assert.Equal(0, Maxk("bench", "--suite", suite, "--output", dir.File("a"), "--cpu-only", "--shard", "1/2").Exit);
        var a = Single(dir.File("a"));
        var result = ResultJson.Read(a);
        // Shard 2/2 holding a case of shard 1/2 with another time: a conflict, not a duplicate to keep once.
        var changed = result with { Manifest = result.Manifest with { Shard = "2/2" }, Cases = [result.Cases[0] with { MedianMs = 12345 }] };
        Directory.CreateDirectory(dir.File("b"));
        File.WriteAllText(dir.File("b/x.json"), ResultJson.Serialize(changed));
        var (exit, text) = Maxk("results", "merge", dir.File("a"), dir.File("b"), "--output", dir.File("m"));
        Assert.Equal(MaxkCli.UserErrorExitCode, exit);
        Assert.Contains($"Case '{result.Cases[0].Id}' differs", text);

        File.WriteAllText(dir.File("b/x.json"), ResultJson.Serialize(result with { Manifest = result.Manifest with { SuiteHash = "0000", Shard = "2/2" } }));
        (exit, text) = Maxk("results", "merge", dir.File("a"), dir.File("b"), "--output", dir.File("m"));
        Assert.Equal(MaxkCli.UserErrorExitCode, exit);
        Assert.Contains("suite_hash differs", text);
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1-2")]
    public void BadShardsAreUserErrors(string shard) =>
        Assert.Throws<MaxK.Harness.HarnessException>(() => ShardSpec.Parse(shard));

    [Fact]
    public void ShardsPartitionTheCaseList()
    {
        var shards = Enumerable.Range(1, 3).Select(i => new ShardSpec(i, 3)).ToList();
        for (var j = 0; j < 10; j++)
            Assert.Single(shards, s => s.Contains(j));
    }
}
