using System.Diagnostics;
using System.Text.Json;
using MaxK.Harness.Provenance;
using MaxK.Harness.Results;
using MaxK.Tests.Site;

namespace MaxK.Tests.Provenance;

/// <summary>
/// A run records the commit its harness was built from. At c08d25c it asked git in the current folder, so a harness
/// started inside another repository recorded that repository's commit (seen on the H100: another project's sha,
/// harness_dirty true); the manifest did not say Release or Debug, and native_library was a path on one machine.
/// </summary>
public class ProvenanceTests
{
    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    [Fact]
    public void TheHarnessKnowsTheCommitAndConfigurationItWasBuiltFrom()
    {
        var build = BuildInfo.Harness;
        Assert.Equal(Configuration, build.Configuration);
        if (!Directory.Exists(Path.Combine(SiteTestData.RepoRoot, ".git")) && !File.Exists(Path.Combine(SiteTestData.RepoRoot, ".git")))
            Assert.Skip("not a git checkout: the build recorded 'unknown'");
        Assert.Matches("^[0-9a-f]{40}$", build.SourceCommit);
        var (exit, _) = Git(SiteTestData.RepoRoot, "cat-file", "-e", build.SourceCommit + "^{commit}");
        Assert.True(exit == 0, $"{build.SourceCommit} is not a commit of {SiteTestData.RepoRoot}");
    }

    [Fact]
    public void MaxkCommitOverridesTheBuildAndTheBuildIsAllThatCountsOtherwise()
    {
        var build = new BuildInfo("0123456789abcdef0123456789abcdef01234567", true, "Release");
        Assert.Equal(new GitInfo("feedbeef", true), GitInfo.Current(n => n switch { "MAXK_COMMIT" => "feedbeef", "MAXK_DIRTY" => "1", _ => null }, build));
        Assert.Equal(new GitInfo(build.SourceCommit, true), GitInfo.Current(_ => null, build));
        Assert.Equal(new GitInfo("unknown", false), GitInfo.Current(_ => null, new BuildInfo("unknown", true, "Release")));
    }

    [Fact]
    public void ARunStartedInsideAnotherRepositoryRecordsTheHarnessCommit()
    {
        using var other = new ScratchFolder();
        Assert.Equal(0, Git(other.Path, "init", "-q").Exit);
        File.WriteAllText(other.File("a.txt"), "1");
        Git(other.Path, "add", "a.txt");
        Assert.Equal(0, Git(other.Path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "other").Exit);
        File.WriteAllText(other.File("a.txt"), "2"); // and dirty
        var otherHead = Git(other.Path, "rev-parse", "HEAD").Output.Trim();

        var manifest = EnvJson(other.Path, new() { ["MAXK_COMMIT"] = null });
        Assert.Equal(BuildInfo.Harness.SourceCommit, manifest.GetProperty("harness_commit").GetString());
        Assert.NotEqual(otherHead, manifest.GetProperty("harness_commit").GetString());
        Assert.Equal(Configuration.ToLowerInvariant(), manifest.GetProperty("build_configuration").GetString());

        manifest = EnvJson(other.Path, new() { ["MAXK_COMMIT"] = "abcdef12", ["MAXK_DIRTY"] = "1" });
        Assert.Equal("abcdef12", manifest.GetProperty("harness_commit").GetString());
        Assert.True(manifest.GetProperty("harness_dirty").GetBoolean());
    }

    [Fact]
    public void TheNativeLibraryIsNamedByFileNameAndHashNotByPath()
    {
        using var dir = new ScratchFolder();
        File.WriteAllText(dir.File("libmaxk_native.so"), "abc");
        var (name, sha) = GpuProvenance.NativeLibraryIdentity(dir.File("libmaxk_native.so"));
        Assert.Equal("libmaxk_native.so", name);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sha); // SHA-256 of "abc"
        Assert.Equal((null, null), GpuProvenance.NativeLibraryIdentity(null));
    }

    [Fact]
    public void OlderResultsWithAPathStillRead()
    {
        var file = ResultSchemaValidator.ResultFiles(SiteTestData.CommittedResults).First(f => File.ReadAllText(f).Contains("\"native_library\": \"/", StringComparison.Ordinal));
        Assert.StartsWith("/", ResultJson.Read(file).Manifest.NativeLibrary, StringComparison.Ordinal);
    }

    private static JsonElement EnvJson(string workingDirectory, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "maxk.dll"));
        start.ArgumentList.Add("env");
        start.ArgumentList.Add("--json");
        foreach (var (key, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(key);
            else
                start.Environment[key] = value;
        }
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static (int Exit, string Output) Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }
}
