using System.CommandLine;

namespace MaxK.Harness.Cli;

/// <summary>Builds the command tree and turns failures into one clear message and a non-zero exit code.</summary>
public static class MaxkCli
{
    /// <summary>Exit code for errors the user can fix (bad input, missing files, missing CUDA).</summary>
    public const int UserErrorExitCode = 2;

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

    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var config = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return BuildRoot().Parse(args).Invoke(config);
        }
        catch (Exception ex) when (UserFacingErrors.IsUserFacing(ex))
        {
            config.Error.WriteLine($"error: {ex.Message}");
            if (Environment.GetEnvironmentVariable("MAXK_DEBUG") == "1")
                config.Error.WriteLine(ex.ToString());
            return UserErrorExitCode;
        }
    }
}
