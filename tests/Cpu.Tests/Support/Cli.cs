using MaxK.Harness.Cli;

namespace MaxK.Tests;

/// <summary>Runs the `maxk` command line in-process and captures its output.</summary>
internal static class Cli
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = MaxkCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Asserts exit 2 with exactly one "error: …" line on stderr containing every fragment, and returns that line.</summary>
    public static string AssertUserError((int Exit, string Out, string Err) result, params string[] fragments)
    {
        Assert.True(result.Exit == MaxkCli.UserErrorExitCode, $"exit {result.Exit}; out: {result.Out}; err: {result.Err}");
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        foreach (var fragment in fragments)
            Assert.Contains(fragment, line, StringComparison.Ordinal);
        return line;
    }
}
