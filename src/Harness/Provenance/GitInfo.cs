using System.Diagnostics;

namespace MaxK.Harness.Provenance;

/// <summary>A source commit and whether the work tree had changes to tracked files; "unknown" when nobody knows.</summary>
public sealed record GitInfo(string Commit, bool Dirty)
{
    /// <summary>
    /// The commit a run records: MAXK_COMMIT (with MAXK_DIRTY=1 for a dirty tree) when set, an explicit statement
    /// (bundles export it from source-commit.env); else the commit this harness was built from (<see cref="BuildInfo"/>);
    /// else "unknown". Never the repository of the current folder: a harness run from another checkout would record
    /// that checkout's commit.
    /// </summary>
    public static GitInfo Current() => Current(Environment.GetEnvironmentVariable, BuildInfo.Harness);

    /// <summary><see cref="Current()"/> with the environment and the build given (tests).</summary>
    public static GitInfo Current(Func<string, string?> environment, BuildInfo build)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(build);
        if (environment("MAXK_COMMIT") is { Length: > 0 } fixedCommit)
            return new GitInfo(fixedCommit, environment("MAXK_DIRTY") == "1");
        return new GitInfo(build.SourceCommit, build.KnowsCommit && build.SourceDirty);
    }

    /// <summary>Asks git about the checkout at <paramref name="directory"/> (what a bundle is packed from); MAXK_COMMIT overrides.</summary>
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
