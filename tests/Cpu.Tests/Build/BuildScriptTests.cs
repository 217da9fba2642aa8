using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MaxK.Tests.Build;

/// <summary>The build entry points: ./build.sh forwarding and the Cake targets with their descriptions.</summary>
public partial class BuildScriptTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "build", "build.cake")))
                return dir.FullName;
        }
        throw new InvalidOperationException("build/build.cake not found above the test binaries");
    }

    [Fact]
    public void EveryRequiredTargetExistsWithADescription()
    {
        var script = File.ReadAllText(Path.Combine(RepoRoot(), "build", "build.cake"));
        var tasks = TaskWithDescription().Matches(script).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        foreach (var target in new[] { "Restore", "Native", "Build", "Test", "Benchmark", "Site", "Bundle", "Clean", "Help" })
        {
            Assert.True(tasks.ContainsKey(target), $"missing target {target}");
            Assert.True(tasks[target].Length > 10, $"target {target} lacks a description");
        }
    }

    [Theory]
    [InlineData(new[] { "Benchmark" }, "--target=Benchmark")]
    [InlineData(new[] { "--target=Test" }, "--target=Test")]
    [InlineData(new[] { "Native", "--cuda-arch=90a" }, "--target=Native --cuda-arch=90a")]
    public void BuildShForwardsTargetsToCake(string[] args, string expected)
    {
        using var dir = new ScratchFolder();
        // A fake dotnet that records its arguments: build.sh must call `dotnet cake build/build.cake <args>`.
        var fake = dir.File("dotnet");
        File.WriteAllText(fake, "#!/usr/bin/env bash\necho \"dotnet $*\" >> \"" + dir.File("calls.log") + "\"\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoRoot(), "build.sh"));
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["PATH"] = dir.Path + ":" + Environment.GetEnvironmentVariable("PATH");
        using var p = Process.Start(start)!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        var calls = File.ReadAllLines(dir.File("calls.log"));
        Assert.Equal("dotnet tool restore", calls[0]);
        Assert.Equal($"dotnet cake build/build.cake {expected}", calls[1]);
    }

    [Fact]
    public void OutputToAFileGetsNoColourCodes()
    {
        // Cake colours its output unless NO_COLOR is set; at c08d25c `./build.sh Test > log` wrote ANSI codes into the log.
        using var dir = new ScratchFolder();
        var fake = dir.File("dotnet");
        File.WriteAllText(fake, "#!/usr/bin/env bash\necho \"$1 NO_COLOR=${NO_COLOR:-unset}\" >> \"" + dir.File("calls.log") + "\"\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoRoot(), "build.sh"));
        start.ArgumentList.Add("Help");
        start.Environment["PATH"] = dir.Path + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment.Remove("NO_COLOR");
        using var p = Process.Start(start)!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        Assert.Equal("cake NO_COLOR=1", File.ReadAllLines(dir.File("calls.log"))[1]);
    }

    [GeneratedRegex("""Task\("(\w+)"\)\s*\.Description\("([^"]*)"\)""")]
    private static partial Regex TaskWithDescription();
}
