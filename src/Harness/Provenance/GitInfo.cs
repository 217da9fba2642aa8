using System.Diagnostics;

namespace MaxK.Harness.Provenance;

/// <summary>The harness's source commit and whether the work tree had changes; "unknown" outside a git checkout.</summary>
public sealed record GitInfo(string Commit, bool Dirty)
{
    /// <summary>Asks git in <paramref name="directory"/>; MAXK_COMMIT overrides (bundles run without .git).</summary>
    public static GitInfo Read(string directory)
    {
        if (Environment.GetEnvironmentVariable("MAXK_COMMIT") is { Length: > 0 } fixedCommit)
            return new GitInfo(fixedCommit, Environment.GetEnvironmentVariable("MAXK_DIRTY") == "1");
        var commit = Git(directory, "rev-parse", "HEAD");
        if (commit is null)
            return new GitInfo("unknown", false);
        var status = Git(directory, "status", "--porcelain", "--untracked-files=no");
        return new GitInfo(commit, !string.IsNullOrWhiteSpace(status));
    }

    private static string? Git(string directory, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
            foreach (var a in args)
                start.ArgumentList.Add(a);
            using var p = Process.Start(start);
            if (p is null)
                return null;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
