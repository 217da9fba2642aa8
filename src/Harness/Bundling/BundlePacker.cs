namespace MaxK.Harness.Bundling;

/// <summary>
/// Completes a bundle folder whose published apps (harness/, gpu-tests/) are already there: adds the .NET runtime
/// archive, the native/cuda sources, the GPU-host scripts and the source commit (<see cref="BundleSourceCommit"/>), and
/// checks the 64 MiB budget of a device call.
/// </summary>
public static class BundlePacker
{
    /// <summary>The most a device call may carry (working tree included), in bytes.</summary>
    public const long BudgetBytes = 64L * 1024 * 1024;

    public static BundleReport Pack(string bundle, string repo, TextWriter log)
    {
        foreach (var app in new[] { "harness/maxk.dll", "gpu-tests/Gpu.Tests.dll" })
        {
            if (!File.Exists(Path.Combine(bundle, app)))
                throw new HarnessException($"Bundle is missing {app}: publish it first (./build.sh Bundle does).");
        }
        log.WriteLine($"pruned harness/: {BundlePruner.Prune(Path.Combine(bundle, "harness"), runsBenchmarkDotNet: true) / 1048576.0:F1} MiB the GPU host never loads");
        log.WriteLine($"pruned gpu-tests/: {BundlePruner.Prune(Path.Combine(bundle, "gpu-tests"), runsBenchmarkDotNet: false) / 1048576.0:F1} MiB the GPU host never loads, "
            + $"{BundlePruner.Deduplicate(Path.Combine(bundle, "gpu-tests"), Path.Combine(bundle, "harness")) / 1048576.0:F1} MiB shared with harness/ (restored by gpu-host.sh)");
        var version = Environment.Version.ToString();
        var archive = DotNetRuntimeArchive.Write(DotNetRuntimeArchive.CurrentRoot(), version, bundle);
        log.WriteLine($"runtime archive: {Path.GetFileName(archive)} ({new FileInfo(archive).Length / 1e6:F1} MB)");
        CopyTree(Path.Combine(repo, "native", "cuda"), Path.Combine(bundle, "native-cuda"), skip: "build");
        foreach (var name in new[] { "gpu-host.sh", "gpu-campaign.sh" })
        {
            var script = Path.Combine(repo, "build", name);
            File.Copy(script, Path.Combine(bundle, name), overwrite: true);
            File.SetUnixFileMode(Path.Combine(bundle, name), File.GetUnixFileMode(script) | UnixFileMode.UserExecute);
        }
        var source = BundleSourceCommit.Write(bundle, repo);
        log.WriteLine($"source commit: {source.Commit}{(source.Dirty ? " (work tree had changes)" : "")}");
        var total = Directory.GetFiles(bundle, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var report = new BundleReport(bundle, total, version, Path.GetFileName(archive));
        log.WriteLine($"bundle: {bundle} = {total / 1048576.0:F1} MiB (budget {BudgetBytes / 1048576} MiB)");
        if (total > BudgetBytes)
            throw new HarnessException($"Bundle is {total / 1048576.0:F1} MiB, over the {BudgetBytes / 1048576} MiB a device call can carry.");
        return report;
    }

    private static void CopyTree(string from, string to, string skip)
    {
        if (!Directory.Exists(from))
            throw new HarnessException($"Source folder '{from}' does not exist.");
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, file);
            if (rel.Split(Path.DirectorySeparatorChar)[0] == skip)
                continue;
            var dest = Path.Combine(to, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest, overwrite: true);
        }
    }
}
