using System.CommandLine;
using MaxK.Harness.Cli;

namespace MaxK.Tests.CommandLine;

/// <summary>
/// The exit-code policy (README, "Exit codes") over the whole command tree: a command line that does not parse, an
/// unknown option, a missing subcommand and a bad value are each exit 2 with one line and a pointer to the command's
/// help, never the help itself; an exception nobody expected is exit 3 with one line, never a crash.
/// </summary>
public class ExitCodePolicyTests
{
    /// <summary>Every command path of the tree ("bench", "results merge", …), groups included.</summary>
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        void Walk(Command command, string path)
        {
            foreach (var sub in command.Subcommands)
            {
                var here = path.Length == 0 ? sub.Name : $"{path} {sub.Name}";
                data.Add(here);
                Walk(sub, here);
            }
        }
        Walk(MaxkCli.BuildRoot(), "");
        return data;
    }

    /// <summary>
    /// Exit 2 with one line for every command. Where the parser rejects the token, the line names it and points to the
    /// command's help; a command with a free argument takes the token as that argument and says what is wrong with it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Commands))]
    public void AnUnknownOptionIsOneLine(string command)
    {
        var args = command.Split(' ');
        var line = Cli.AssertUserError(Cli.Run([.. args, "--no-such-option"]));
        if (line.Contains("See 'maxk", StringComparison.Ordinal))
            Assert.EndsWith($"See 'maxk {command} --help'.", line, StringComparison.Ordinal);
        Assert.True(line.Contains("--no-such-option", StringComparison.Ordinal) || line.Contains("is required", StringComparison.Ordinal), line);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void HelpStillWorks(string command)
    {
        var (exit, output, error) = Cli.Run([.. command.Split(' '), "--help"]);
        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("", "Required command was not provided. See 'maxk --help'.")]
    [InlineData("results", "Required command was not provided. See 'maxk results --help'.")]
    [InlineData("bench --bogus", "Unrecognized command or argument '--bogus'.")]
    [InlineData("bench --sute smoke", "Did you mean '--suite'?")]
    [InlineData("bench --runs abc", "'abc' is not a valid value for --runs: expected a whole number.")]
    [InlineData("train --dataset cora --model gat", "'gat' is not a value of --model. Use sage, gcn, gin.")]
    [InlineData("train --dataset cora --device gpu", "'gpu' is not a value of --device.")]
    [InlineData("train --dataset cora --nonlinearity max", "Did you mean 'maxk'?")]
    [InlineData("train --dataset cora --dropout x", "expected a number")]
    [InlineData("train", "Option '--dataset' is required.")]
    public void ParseErrorsAreOneLineExitTwo(string commandLine, string expected)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var line = Cli.AssertUserError(Cli.Run(args));
        Assert.Contains(expected, line);
    }

    [Theory]
    [InlineData("bench --suite smok", "Did you mean 'smoke'?")]
    [InlineData("train --dataset coraa", "Did you mean 'cora'?")]
    [InlineData("train --dataset csbm-redit", "Did you mean 'csbm-reddit'?")]
    [InlineData("graph stats --preset tiny-unifrom", "Did you mean 'tiny-uniform'?")]
    [InlineData("graph write --preset reddit-unifrm --output /nonexistent-maxk", "Did you mean 'reddit-uniform'?")]
    public void UnknownNamesOfferTheClosestOne(string commandLine, string expected)
    {
        var line = Cli.AssertUserError(Cli.Run(commandLine.Split(' ')));
        Assert.Contains(expected, line);
    }

    [Fact]
    public void AnUnexpectedExceptionIsExitThreeWithOneLineNotACrash()
    {
        static RootCommand Throwing()
        {
            var root = new RootCommand("test");
            var boom = new Command("boom", "throws");
            boom.SetAction(int (_) => throw new NullReferenceException("a bug"));
            root.Subcommands.Add(boom);
            return root;
        }
        var error = new StringWriter();
        var exit = MaxkCli.Run(Throwing, ["boom"], new StringWriter(), error);
        Assert.Equal(MaxkCli.InternalErrorExitCode, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("internal error (a bug in maxk", line);
        Assert.Contains("System.NullReferenceException: a bug", line);
        Assert.Contains("MAXK_DEBUG=1", line);
    }
}
