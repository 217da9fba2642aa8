using MaxK.Harness.Cli;

namespace MaxK.Tests.Cli;

/// <summary>Runs <c>maxk</c> in-process and checks the exit-code policy's shape of a user error.</summary>
internal static class CliRun
{
    public static (int Exit, string Output, string Error) Maxk(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = MaxkCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Exit code 2, nothing on stdout, exactly one line on stderr ("error: …"); returns that line.</summary>
    public static string AssertUserError((int Exit, string Output, string Error) run, string because)
    {
        Assert.True(run.Exit == MaxkCli.UserErrorExitCode, $"{because}: exit {run.Exit}, stderr: {run.Error}");
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"{because}: expected one error line, got {lines.Length}:\n{run.Error}");
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        return lines[0];
    }
}
