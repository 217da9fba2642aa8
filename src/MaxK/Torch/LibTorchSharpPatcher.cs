using System.Security.Cryptography;

namespace MaxK.Torch;

/// <summary>
/// Produces a loadable copy of libLibTorchSharp.so on hosts whose libstdc++ lacks GLIBCXX_3.4.32:
/// a copy (never the NuGet cache's file) with that one requirement marked weak, cached by the original's
/// SHA-256 so repeated runs reuse it. Idempotent and safe against concurrent processes (write, then rename).
/// </summary>
public static class LibTorchSharpPatcher
{
    public const string LibraryFileName = "libLibTorchSharp.so";

    /// <summary>Returns the path of a patched copy of <paramref name="original"/> under <paramref name="cacheRoot"/>.</summary>
    public static string EnsurePatchedCopy(string original, string cacheRoot)
    {
        var bytes = File.ReadAllBytes(original);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        var dir = Path.Combine(cacheRoot, "torchsharp-glibcxx-weak", hash);
        var target = Path.Combine(dir, LibraryFileName);
        if (File.Exists(target) && ElfVersionNeedPatcher.IsWeak(File.ReadAllBytes(target), "libstdc++.so.6", HostLibStdCxx.RequiredVersion))
            return target;
        Directory.CreateDirectory(dir);
        ElfVersionNeedPatcher.MarkWeak(bytes, "libstdc++.so.6", HostLibStdCxx.RequiredVersion);
        var temp = Path.Combine(dir, $".{LibraryFileName}.{Environment.ProcessId}.tmp");
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, target, overwrite: true);
        return target;
    }

    /// <summary>The default cache root: $MAXK_CACHE_DIR, else $XDG_CACHE_HOME/maxk, else ~/.cache/maxk.</summary>
    public static string DefaultCacheRoot()
    {
        if (Environment.GetEnvironmentVariable("MAXK_CACHE_DIR") is { Length: > 0 } explicitDir)
            return explicitDir;
        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg)
            return Path.Combine(xdg, "maxk");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 ? Path.Combine(home, ".cache", "maxk") : Path.Combine(Path.GetTempPath(), "maxk-cache");
    }

    /// <summary>The LibTorchSharp the app would load: beside the app, or in the TorchSharp package.</summary>
    public static string? FindOriginal(string appDirectory, IEnumerable<string> nugetRoots, string torchSharpVersion)
    {
        var candidates = new List<string>
        {
            Path.Combine(appDirectory, "runtimes", "linux-x64", "native", LibraryFileName),
            Path.Combine(appDirectory, LibraryFileName),
        };
        candidates.AddRange(nugetRoots.Select(root =>
            Path.Combine(root, "torchsharp", torchSharpVersion, "runtimes", "linux-x64", "native", LibraryFileName)));
        return candidates.FirstOrDefault(File.Exists);
    }
}
