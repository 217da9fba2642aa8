using System.Diagnostics;

namespace MaxK.Harness.Toolchain;

/// <summary>Runs a child process with inherited console output and returns its exit code.</summary>
public static class ProcessRunner
{
    public static int Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
                start.Environment[k] = v;
        }
        try
        {
            using var p = Process.Start(start) ?? throw new HarnessException($"Could not start {fileName}.");
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new HarnessException($"Could not start '{fileName}': {ex.Message}", ex);
        }
    }
}
