using MaxK.Harness.Provenance;

namespace MaxK.Harness.Bundling;

/// <summary>
/// The commit a bundle was built from, for the provenance of runs on a GPU host that has no checkout (or a stale one):
/// <c>source-commit.env</c> holds <c>MAXK_COMMIT=&lt;sha&gt;</c> and <c>MAXK_DIRTY=0|1</c>, and the bundle's scripts export
/// them unless the caller set MAXK_COMMIT (<see cref="GitInfo.Read"/> prefers it to asking git).
/// </summary>
public static class BundleSourceCommit
{
    /// <summary>The file's name in the bundle.</summary>
    public const string FileName = "source-commit.env";

    /// <summary>Writes the file for the checkout at <paramref name="repo"/>; returns what it recorded.</summary>
    public static GitInfo Write(string bundle, string repo)
    {
        var git = GitInfo.Read(repo);
        File.WriteAllText(Path.Combine(bundle, FileName), $"MAXK_COMMIT={git.Commit}\nMAXK_DIRTY={(git.Dirty ? 1 : 0)}\n");
        return git;
    }
}
