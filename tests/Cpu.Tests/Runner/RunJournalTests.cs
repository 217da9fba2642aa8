using System.Text;
using MaxK.Harness;
using MaxK.Harness.Results;
using MaxK.Harness.Runner;
using MaxK.Harness.Suites;

namespace MaxK.Tests.Runner;

public class RunJournalTests
{
    private static readonly JournalEntry Header = new() { Type = "header", Suite = "s", SuiteHash = "abc", StartedUtc = DateTimeOffset.UnixEpoch };

    private static JournalEntry Skip(string id) => new() { Type = "skipped", Id = id, Skipped = new SkippedWork(id, "why") };

    [Fact]
    public void ATornLastLineIsDroppedAndCutOff()
    {
        using var dir = new ScratchFolder();
        var path = dir.File("j.jsonl");
        using (var j = RunJournal.Create(path, Header))
        {
            j.Append(Skip("a"));
            j.Append(Skip("b"));
        }
        File.AppendAllText(path, "{\"type\":\"skipped\",\"id\":\"c\",\"ski");
        using (var j = RunJournal.Resume(path, Header))
        {
            Assert.Equal(["a", "b"], j.Entries.Select(e => e.Id));
            j.Append(Skip("c"));
        }
        using (var j = RunJournal.Resume(path, Header))
            Assert.Equal(["a", "b", "c"], j.Entries.Select(e => e.Id));
        Assert.EndsWith("\n", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void AJournalOfAnotherSuiteVersionOrCorruptInTheMiddleIsRefused()
    {
        using var dir = new ScratchFolder();
        var path = dir.File("j.jsonl");
        using (var j = RunJournal.Create(path, Header))
            j.Append(Skip("a"));
        var ex = Assert.Throws<HarnessException>(() => RunJournal.Resume(path, Header with { SuiteHash = "def" }));
        Assert.Contains("run without --resume", ex.Message);

        var lines = File.ReadAllLines(path);
        File.WriteAllText(path, lines[0] + "\n{broken\n" + lines[1] + "\n");
        var corrupt = Assert.Throws<HarnessException>(() => RunJournal.Resume(path, Header));
        Assert.True(corrupt.Message.Contains("line 2 is corrupt", StringComparison.Ordinal), corrupt.Message);
    }
}
