using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using MaxK.Harness.Toolchain;

namespace MaxK.Harness.Peers.Released;

/// <summary>
/// Builds the released kernel benchmark once per host from its own sources with
/// <c>nvcc -O3 -std=c++17 -arch=sm_XX main.cu spmm_maxk.cu spmm_maxk_backward.cu spmm_cusparse.cu -lcusparse</c>, cached
/// under <c>CACHE/released-build/&lt;hash&gt;/</c> where the hash covers every kernels/ source file, the command and nvcc's path:
/// a second run with the same sources reuses the executable.
/// </summary>
public static class ReleasedBuild
{
    public const string ExecutableName = "maxk_released";

    /// <summary>The nvcc arguments for <paramref name="arch"/> (e.g. "sm_90"), output to <paramref name="output"/>.</summary>
    public static IReadOnlyList<string> Arguments(string arch, string output) =>
        ["-O3", "-std=c++17", $"-arch={arch}", .. ReleasedSource.Units, "-lcusparse", "-o", output];

    /// <summary>The cache key: SHA-256 over the sources (names and bytes, sorted), the command and nvcc's path.</summary>
    public static string Hash(ReleasedSource source, string arch, string nvcc)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in System.IO.Directory.EnumerateFiles(source.KernelsDirectory)
                     .Where(f => f.EndsWith(".cu", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal) || f.EndsWith(".cuh", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        sha.AppendData(Encoding.UTF8.GetBytes(string.Join(' ', Arguments(arch, ExecutableName)) + "\n" + nvcc));
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    /// <summary>Returns the cached executable, building it first when missing; a failed build is a <see cref="PeerUnavailableException"/> with nvcc's last lines.</summary>
    public static string Ensure(ReleasedSource source, string arch, string cacheDirectory, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(log);
        var toolkit = CudaToolkit.Find(Environment.GetEnvironmentVariable, out var reason)
            ?? throw new PeerUnavailableException($"cannot build the released kernels: {reason}");
        var folder = Path.Combine(cacheDirectory, "released-build", Hash(source, arch, toolkit.NvccPath));
        var exe = Path.Combine(folder, ExecutableName);
        if (File.Exists(exe))
        {
            log.WriteLine($"released kernels: cached build {exe}");
            return exe;
        }
        System.IO.Directory.CreateDirectory(folder);
        var temp = exe + ".partial";
        var start = new ProcessStartInfo(toolkit.NvccPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = source.KernelsDirectory };
        foreach (var a in Arguments(arch, temp))
            start.ArgumentList.Add(a);
        log.WriteLine($"released kernels: building {source.Commit[..Math.Min(8, source.Commit.Length)]} with {toolkit.NvccPath} {string.Join(' ', Arguments(arch, ExecutableName))}");
        using var p = Process.Start(start) ?? throw new PeerUnavailableException("could not start nvcc");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0 || !File.Exists(temp))
        {
            var tail = string.Join(" | ", (stderr.Result + stdout.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3));
            throw new PeerUnavailableException($"the released kernels did not build (nvcc exit {p.ExitCode}): {tail}");
        }
        File.Move(temp, exe, overwrite: true);
        return exe;
    }
}
