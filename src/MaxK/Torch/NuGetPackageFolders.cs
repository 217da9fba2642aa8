namespace MaxK.Torch;

/// <summary>Where restored NuGet packages live: $NUGET_PACKAGES, then ~/.nuget/packages.</summary>
public static class NuGetPackageFolders
{
    public static IReadOnlyList<string> Roots()
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } env)
            roots.Add(env);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0)
            roots.Add(Path.Combine(home, ".nuget", "packages"));
        return roots;
    }
}
