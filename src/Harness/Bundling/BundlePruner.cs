namespace MaxK.Harness.Bundling;

/// <summary>
/// Keeps the bundle within a device call's budget. <see cref="Prune"/> removes what a GPU host never loads:
/// BenchmarkDotNet's diagnosers (the Capstone/Iced disassemblers, ClrMD, TraceEvent with its native ETW folders) and
/// the compilers' localised resources; the GPU tests, which never run BenchmarkDotNet, also lose the Roslyn compilers
/// (the harness keeps them: BenchmarkDotNet's config validator loads them even in process). <see cref="Deduplicate"/>
/// then drops from gpu-tests/ every file identical to the harness's copy; gpu-host.sh copies them back before the tests.
/// </summary>
public static class BundlePruner
{
    /// <summary>File names removed from each app folder.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "libcapstone.so", "Gee.External.Capstone.dll", "Iced.dll",
        "Microsoft.Diagnostics.Tracing.TraceEvent.dll", "Microsoft.Diagnostics.Runtime.dll", "Microsoft.Diagnostics.FastSerialization.dll",
        "Dia2Lib.dll", "OSExtensions.dll", "TraceReloggerLib.dll",
    ];

    /// <summary>Folders removed: TraceEvent's Windows natives, and the compilers' localised resources.</summary>
    public static IReadOnlyList<string> Folders { get; } =
        ["amd64", "x86", "arm64", "cs", "de", "es", "fr", "it", "ja", "ko", "pl", "pt-BR", "ru", "tr", "zh-Hans", "zh-Hant"];

    /// <summary>The Roslyn compilers, removed from apps that never run BenchmarkDotNet.</summary>
    public static IReadOnlyList<string> Compilers { get; } = ["Microsoft.CodeAnalysis.dll", "Microsoft.CodeAnalysis.CSharp.dll"];

    /// <summary>Name of the list of files <see cref="Deduplicate"/> removed (one relative path per line).</summary>
    public const string SharedListName = "shared-with-harness.txt";

    /// <summary>Prunes <paramref name="appFolder"/> (and the compilers unless <paramref name="runsBenchmarkDotNet"/>); returns the bytes freed.</summary>
    public static long Prune(string appFolder, bool runsBenchmarkDotNet)
    {
        long freed = 0;
        foreach (var name in runsBenchmarkDotNet ? Files : Files.Concat(Compilers))
        {
            var path = Path.Combine(appFolder, name);
            if (File.Exists(path))
            {
                freed += new FileInfo(path).Length;
                File.Delete(path);
            }
        }
        foreach (var name in Folders)
        {
            var path = Path.Combine(appFolder, name);
            if (Directory.Exists(path))
            {
                freed += Directory.GetFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
                Directory.Delete(path, recursive: true);
            }
        }
        return freed;
    }

    /// <summary>
    /// Deletes from <paramref name="appFolder"/> each top-level file byte-identical to the one of the same name in
    /// <paramref name="sourceFolder"/>, and lists them in <see cref="SharedListName"/>; returns the bytes freed.
    /// </summary>
    public static long Deduplicate(string appFolder, string sourceFolder)
    {
        long freed = 0;
        var shared = new List<string>();
        foreach (var path in Directory.GetFiles(appFolder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var other = Path.Combine(sourceFolder, name);
            if (!File.Exists(other) || new FileInfo(other).Length != new FileInfo(path).Length || !File.ReadAllBytes(other).AsSpan().SequenceEqual(File.ReadAllBytes(path)))
                continue;
            freed += new FileInfo(path).Length;
            File.Delete(path);
            shared.Add(name);
        }
        File.WriteAllLines(Path.Combine(appFolder, SharedListName), shared);
        return freed;
    }
}
