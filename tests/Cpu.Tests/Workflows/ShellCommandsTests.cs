namespace MaxK.Tests.Workflows;

/// <summary>The run-script splitter: separators, quotes, comments, redirections and substitutions.</summary>
public class ShellCommandsTests
{
    private static string[] Flat(string script) => [.. ShellCommands.Parse(script).Select(c => string.Join(' ', c))];

    [Fact]
    public void SplitsOnNewlinesAndOperators()
    {
        Assert.Equal(["a 1", "b", "c x", "d", "e"], Flat("a 1\nb && c x || d; e"));
    }

    [Fact]
    public void QuotesMakeOneWordAndHideOperators()
    {
        Assert.Equal(["echo a && b", "jq -n x | y"], Flat("echo \"a && b\"\njq -n 'x | y'"));
    }

    [Fact]
    public void CommentsRedirectionsAndContinuationsAreDropped()
    {
        Assert.Equal(["tee log", "gh pr create --base main"], Flat("# note\ntee log 2>&1 > out.txt # tail\ngh pr create \\\n  --base main"));
    }

    [Fact]
    public void SubstitutionsAreCommandsToo()
    {
        var commands = Flat("echo \"n=$(ls -d x | wc -l)\" >> \"$GITHUB_OUTPUT\"\necho `nvcc --version`");
        Assert.Contains("ls -d x", commands);
        Assert.Contains("wc -l", commands);
        Assert.Contains("nvcc --version", commands);
        Assert.Equal(2, commands.Count(c => c.StartsWith("echo", StringComparison.Ordinal)));
    }

    [Fact]
    public void EscapedBackticksInDoubleQuotesAreText()
    {
        Assert.Equal(["echo run `./build.sh Build`"], Flat("echo \"run \\`./build.sh Build\\`\""));
    }

    [Theory]
    [InlineData("echo 'open")]
    [InlineData("echo \"open")]
    [InlineData("x=$(ls")]
    [InlineData("cat <<EOF\nhi\nEOF")]
    public void RefusesWhatItCannotRead(string script)
    {
        Assert.Throws<FormatException>(() => ShellCommands.Parse(script));
    }
}
