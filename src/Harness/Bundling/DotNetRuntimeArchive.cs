using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace MaxK.Harness.Bundling;

/// <summary>
/// Packs the running .NET runtime (dotnet host, hostfxr, Microsoft.NETCore.App) into a tarball that a GPU host
/// without an SDK unpacks as DOTNET_ROOT. xz when available (about 26 MB), gzip otherwise.
/// </summary>
public static class DotNetRuntimeArchive
{
    /// <summary>The dotnet root of the running runtime, e.g. /usr/share/dotnet.</summary>
    public static string CurrentRoot()
    {
        var shared = RuntimeEnvironment.GetRuntimeDirectory(); // <root>/shared/Microsoft.NETCore.App/<ver>/
        return Path.GetFullPath(Path.Combine(shared, "..", "..", ".."));
    }

    /// <summary>Relative paths (under the root) of everything the runtime needs.</summary>
    public static IReadOnlyList<string> Files(string root, string version)
    {
        var files = new List<string>();
        void AddTree(string rel)
        {
            var dir = Path.Combine(root, rel);
            if (!Directory.Exists(dir))
                throw new HarnessException($".NET runtime folder '{dir}' is missing: is the runtime {version} installed there?");
            files.AddRange(Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)));
        }
        files.Add("dotnet");
        AddTree(Path.Combine("host", "fxr", version));
        AddTree(Path.Combine("shared", "Microsoft.NETCore.App", version));
        files.AddRange(new[] { "LICENSE.txt", "ThirdPartyNotices.txt" }.Where(f => File.Exists(Path.Combine(root, f))));
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Writes the archive into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string root, string version, string directory)
    {
        var tar = Path.Combine(directory, $"dotnet-runtime-{version}-linux-x64.tar");
        using (var stream = File.Create(tar))
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: false))
        {
            foreach (var rel in Files(root, version))
                writer.WriteEntry(Path.Combine(root, rel), rel);
        }
        if (Toolchain.ProcessRunner.Run("xz", ["-6", "-T0", "-f", tar]) == 0 && File.Exists(tar + ".xz"))
            return tar + ".xz";
        var gz = tar + ".gz";
        using (var input = File.OpenRead(tar))
        using (var output = new GZipStream(File.Create(gz), CompressionLevel.SmallestSize))
            input.CopyTo(output);
        File.Delete(tar);
        return gz;
    }
}
