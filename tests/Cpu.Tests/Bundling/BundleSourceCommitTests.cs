using System.Diagnostics;
using MaxK.Harness.Bundling;

namespace MaxK.Tests.Bundling;

/// <summary>A bundle records the commit it was built from, so runs on a GPU host without a checkout name it.</summary>
public class BundleSourceCommitTests
{
    [Fact]
    public void Write_RecordsTheCheckoutsCommitAndWhetherItHadChanges()
    {
        if (Environment.GetEnvironmentVariable("MAXK_COMMIT") is { Length: > 0 })
            Assert.Skip("MAXK_COMMIT is set here, and it overrides git by design.");
        using var repo = new ScratchFolder();
        using var bundle = new ScratchFolder();
        Git(repo.Path, "init", "-q");
        File.WriteAllText(Path.Combine(repo.Path, "a.txt"), "1");
        Git(repo.Path, "add", "a.txt");
        Git(repo.Path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "one");
        var head = Git(repo.Path, "rev-parse", "HEAD");

        BundleSourceCommit.Write(bundle.Path, repo.Path);
        Assert.Equal($"MAXK_COMMIT={head}\nMAXK_DIRTY=0\n", File.ReadAllText(Path.Combine(bundle.Path, BundleSourceCommit.FileName)));

        File.WriteAllText(Path.Combine(repo.Path, "a.txt"), "2");
        Assert.True(BundleSourceCommit.Write(bundle.Path, repo.Path).Dirty);
        Assert.EndsWith("MAXK_DIRTY=1\n", File.ReadAllText(Path.Combine(bundle.Path, BundleSourceCommit.FileName)));
    }

    [Theory]
    [InlineData("gpu-host.sh")]
    [InlineData("gpu-campaign.sh")]
    public void TheBundleScriptsExportTheRecordedCommitUnlessTheCallerSetOne(string script)
    {
        var text = File.ReadAllText(Path.Combine(Site.SiteTestData.RepoRoot, "build", script));
        Assert.Contains($"if [ -z \"${{MAXK_COMMIT:-}}\" ] && [ -f \"$here/{BundleSourceCommit.FileName}\" ]; then set -a; . \"$here/{BundleSourceCommit.FileName}\"; set +a; fi", text);
    }

    private static string Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)} failed: {p.StandardError.ReadToEnd()}");
        return output.Trim();
    }
}
