namespace MaxK.Tests.Workflows;

/// <summary>Finds the repository root (the folder holding build/build.cake) above the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "build", "build.cake")))
                return dir.FullName;
        }
        throw new InvalidOperationException("build/build.cake not found above the test binaries");
    }

    public static string Workflows() => Path.Combine(Root(), ".github", "workflows");

    public static string BuildCake() => Path.Combine(Root(), "build", "build.cake");
}
