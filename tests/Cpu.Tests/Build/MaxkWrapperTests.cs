using System.Diagnostics;
using MaxK.Tests.Site;

namespace MaxK.Tests.Build;

/// <summary>
/// ./maxk at the repository root: the command the README means by `maxk`. It runs the Release harness from the current
/// folder and builds it when it is missing or older than a source file. At c08d25c there was no such command.
/// </summary>
public class MaxkWrapperTests
{
    private static string Wrapper => Path.Combine(SiteTestData.RepoRoot, "maxk");

    private static (int Exit, string Output, string Error) Bash(string workingDirectory, string script, IEnumerable<string> args, string? path = null)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(script);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        if (path is not null)
            start.Environment["PATH"] = path + ":" + Environment.GetEnvironmentVariable("PATH");
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, output.Result, error.Result);
    }

    /// <summary>A copy of the wrapper in an empty "checkout" under <paramref name="dir"/>; returns the wrapper's path.</summary>
    private static string Checkout(ScratchFolder dir)
    {
        Directory.CreateDirectory(dir.File("repo"));
        var copy = dir.File("repo/maxk");
        File.Copy(Wrapper, copy);
        return copy;
    }

    [Fact]
    public void RunsTheBuiltHarnessFromTheCurrentFolderWithItsExitCode()
    {
        using var dir = new ScratchFolder();
        var wrapper = Checkout(dir);
        // The built harness of this test run, where the wrapper looks for it; no source file, so nothing is stale.
        var bin = dir.File("repo/src/Harness/bin/Release");
        Directory.CreateDirectory(bin);
        Directory.CreateSymbolicLink(Path.Combine(bin, "net10.0"), AppContext.BaseDirectory);
        Directory.CreateDirectory(dir.File("elsewhere"));
        var (exit, output, error) = Bash(dir.File("elsewhere"), wrapper, ["bench", "--suite", "nope"]);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("error: Unknown suite 'nope'.", error, StringComparison.Ordinal);
        Assert.Equal(0, Bash(dir.File("elsewhere"), wrapper, ["graph", "presets"]).Exit);
    }

    [Fact]
    public void BuildsTheHarnessWhenItIsMissingOrStale()
    {
        using var dir = new ScratchFolder();
        var wrapper = Checkout(dir);
        // A fake dotnet: records its calls; "build" creates the dll.
        var fake = dir.File("bin/dotnet");
        Directory.CreateDirectory(dir.File("bin"));
        var dll = dir.File("repo/src/Harness/bin/Release/net10.0/maxk.dll");
        File.WriteAllText(fake, "#!/usr/bin/env bash\necho \"$*\" >> \"" + dir.File("calls.log") + "\"\n"
            + "if [ \"$1\" = build ]; then mkdir -p \"$(dirname '" + dll + "')\" && touch '" + dll + "'; fi\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var first = Bash(dir.Path, wrapper, ["env"], dir.File("bin"));
        Assert.True(first.Exit == 0, first.Error);
        Assert.Contains("building the harness (Release)", first.Error);
        var calls = File.ReadAllLines(dir.File("calls.log"));
        Assert.StartsWith($"build {dir.File("repo/src/Harness/Harness.csproj")} --configuration Release", calls[0], StringComparison.Ordinal);
        Assert.Equal($"{dll} env", calls[1]);

        Assert.Equal(0, Bash(dir.Path, wrapper, ["env"], dir.File("bin")).Exit); // up to date: no build
        Assert.Equal(3, File.ReadAllLines(dir.File("calls.log")).Length);

        Directory.CreateDirectory(dir.File("repo/src/Harness"));
        File.WriteAllText(dir.File("repo/src/Harness/New.cs"), "");
        File.SetLastWriteTimeUtc(dir.File("repo/src/Harness/New.cs"), File.GetLastWriteTimeUtc(dll).AddSeconds(5));
        Assert.Equal(0, Bash(dir.Path, wrapper, ["env"], dir.File("bin")).Exit); // a newer source: built again
        Assert.StartsWith("build ", File.ReadAllLines(dir.File("calls.log"))[3], StringComparison.Ordinal);
    }
}
