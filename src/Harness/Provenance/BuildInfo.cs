using System.Reflection;

namespace MaxK.Harness.Provenance;

/// <summary>
/// What the harness was built from, baked into maxk.dll at build time (the MaxkSourceProvenance target of
/// Harness.csproj): the source commit ("unknown" when the build had no git), whether tracked files had uncommitted
/// changes, and the build configuration (Release or Debug).
/// </summary>
public sealed record BuildInfo(string SourceCommit, bool SourceDirty, string Configuration)
{
    /// <summary>This harness's own build.</summary>
    public static BuildInfo Harness { get; } = Read(typeof(BuildInfo).Assembly);

    /// <summary>True when the build knew its commit.</summary>
    public bool KnowsCommit => SourceCommit != "unknown";

    /// <summary>The build's metadata; "unknown" and false for what an assembly does not carry.</summary>
    public static BuildInfo Read(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var metadata = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        string Value(string key) => metadata.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : "unknown";
        return new BuildInfo(Value("MaxkSourceCommit"), Value("MaxkSourceDirty") == "true", Value("MaxkBuildConfiguration"));
    }
}
