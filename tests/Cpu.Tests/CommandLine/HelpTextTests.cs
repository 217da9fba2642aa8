using MaxK.Tests.Site;

namespace MaxK.Tests.CommandLine;

/// <summary>Help that matches the tree: at c08d25c `maxk bench --help` named three suites ("default, smoke, paper") of seven.</summary>
public class HelpTextTests
{
    [Fact]
    public void BenchHelpListsEverySuiteThatExists()
    {
        var (exit, help, _) = Cli.Run("bench", "--help");
        Assert.Equal(0, exit);
        var suites = Directory.GetFiles(Path.Combine(SiteTestData.RepoRoot, "suites"), "*.json").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.True(suites.Count >= 7, string.Join(", ", suites));
        var flat = string.Join(' ', help.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var suite in suites)
            Assert.Contains($"{suite},", flat.Replace($"{suite}:", $"{suite},", StringComparison.Ordinal));
    }
}
