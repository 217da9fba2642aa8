using System.Diagnostics;

namespace MaxK.Torch;

/// <summary>What python3 reported about its torch install: the lib folder and version, or why it failed.</summary>
public sealed record PythonTorchProbe(string? LibDirectory, string? TorchVersion, string? Error)
{
    private const string Script =
        "import os, torch; print(os.path.join(os.path.dirname(torch.__file__), 'lib')); print(torch.__version__)";

    /// <summary>Runs <paramref name="python"/> with a short script; never throws.</summary>
    public static PythonTorchProbe Run(string python, TimeSpan timeout)
    {
        try
        {
            var start = new ProcessStartInfo(python)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Script);
            using var process = Process.Start(start);
            if (process is null)
                return Failed($"could not start '{python}'");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return Failed($"'{python}' did not answer within {timeout.TotalSeconds:0} s");
            }
            var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (process.ExitCode != 0 || lines.Length < 2)
            {
                var last = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
                return Failed($"'import torch' failed (exit {process.ExitCode}): {last ?? "no output"}");
            }
            return new PythonTorchProbe(lines[0], lines[1], null);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return Failed($"'{python}' is not available ({ex.Message})");
        }
    }

    public static PythonTorchProbe Failed(string error) => new(null, null, error);
}
