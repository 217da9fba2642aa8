using System.CommandLine;
using System.CommandLine.Invocation;

namespace MaxK.Harness.Cli;

/// <summary>
/// Builds the command tree and applies the exit-code policy of every command (README, "Exit codes"):
/// 0 success; 1 a verification or measurement failure (the command's own result); 2 a user or environment error,
/// printed as one line on stderr that says what is wrong and how to go on (parse errors included: no help dump);
/// 3 an internal error, a bug: one line naming the exception, the stack trace only with MAXK_DEBUG=1. No exception
/// escapes as an unhandled crash.
/// </summary>
public static class MaxkCli
{
    /// <summary>Exit code for errors the user can fix (bad input, missing files, missing CUDA, not enough memory).</summary>
    public const int UserErrorExitCode = 2;

    /// <summary>Exit code for an exception the harness did not expect: a bug to report.</summary>
    public const int InternalErrorExitCode = 3;

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("maxk: MaxK-GNN kernels, baselines and benchmarks (reproduction of ASPLOS'24 MaxK-GNN).");
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(KernelsCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(NativeCommand.Create());
        root.Subcommands.Add(TorchCommand.Create());
        root.Subcommands.Add(GraphCommand.Create());
        root.Subcommands.Add(DatasetsCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ResultsCommand.Create());
        root.Subcommands.Add(EnvCommand.Create());
        root.Subcommands.Add(BundleCommand.Create());
        root.Subcommands.Add(CiCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(MicroCommand.Create());
        return root;
    }

    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null) => Run(BuildRoot, args, output, error);

    /// <summary>Runs <paramref name="args"/> against the tree <paramref name="root"/> builds, under the exit-code policy (tests pass their own tree).</summary>
    internal static int Run(Func<RootCommand> root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var config = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error, EnableDefaultExceptionHandler = false };
        var debug = Environment.GetEnvironmentVariable("MAXK_DEBUG") == "1";
        try
        {
            var parse = root().Parse(args);
            if (parse.Action is ParseErrorAction)
            {
                config.Error.WriteLine($"error: {ParseErrors.Describe(parse)}");
                return UserErrorExitCode;
            }
            return parse.Invoke(config);
        }
        catch (Exception ex) when (UserFacingErrors.Describe(ex) is { } line)
        {
            config.Error.WriteLine($"error: {line}");
            if (debug)
                config.Error.WriteLine(ex.ToString());
            return UserErrorExitCode;
        }
        catch (Exception ex)
        {
            config.Error.WriteLine($"error: internal error (a bug in maxk, please report it): {UserFacingErrors.Internal(ex)}"
                + (debug ? "" : " Run again with MAXK_DEBUG=1 for the stack trace."));
            if (debug)
                config.Error.WriteLine(ex.ToString());
            return InternalErrorExitCode;
        }
    }
}
