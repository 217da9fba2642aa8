using MaxK.Harness.Site;

namespace MaxK.Tests.Site;

/// <summary>Paths of the repository's site sources, committed results and site fixtures, and a helper that renders them.</summary>
internal static class SiteTestData
{
    public static string RepoRoot { get; } = FindRoot();

    public static string SiteSources => Path.Combine(RepoRoot, "site");
    public static string CommittedResults => Path.Combine(RepoRoot, "results");
    public static string FixtureResults => Path.Combine(RepoRoot, "tests", "Cpu.Tests", "Fixtures", "site", "results");
    public static string Snapshots => Path.Combine(RepoRoot, "tests", "Cpu.Tests", "Fixtures", "site", "snapshots");

    /// <summary>Copies the given results folders into one folder under <paramref name="scratch"/> (results/) and renders it into site/.</summary>
    public static string Render(ScratchFolder scratch, params string[] resultFolders)
    {
        var results = scratch.File("results");
        foreach (var folder in resultFolders)
            Copy(folder, results);
        var output = scratch.File("site");
        SiteRenderer.Render(results, SiteSources, output, new StringWriter());
        return output;
    }

    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>Every file under <paramref name="root"/> as relative path ('/' separators), ordinal order.</summary>
    public static IReadOnlyList<string> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "site", "content", "paper-numbers.json")) && Directory.Exists(Path.Combine(dir.FullName, "results")))
                return dir.FullName;
        }
        throw new InvalidOperationException("repository root (site/content/paper-numbers.json) not found above the test binaries");
    }
}
