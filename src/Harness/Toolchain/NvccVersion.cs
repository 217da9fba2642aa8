using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MaxK.Harness.Toolchain;

/// <summary>The release of an nvcc, read from <c>nvcc --version</c> ("Cuda compilation tools, release 13.0, V13.0.88").</summary>
public static partial class NvccVersion
{
    /// <summary>The oldest CUDA release native/cuda supports (sm_90 features, red.global.add.v4.f32 PTX).</summary>
    public static readonly Version Minimum = new(12, 0);

    public static Version? Parse(string versionOutput)
    {
        var m = Release().Match(versionOutput);
        return m.Success
            ? new Version(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>Runs <paramref name="nvcc"/> --version; null when it cannot be run or parsed.</summary>
    public static Version? Query(string nvcc)
    {
        try
        {
            var start = new ProcessStartInfo(nvcc, "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var p = Process.Start(start);
            if (p is null)
                return null;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return Parse(text);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex(@"release (\d+)\.(\d+)")]
    private static partial Regex Release();
}
