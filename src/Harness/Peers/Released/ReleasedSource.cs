using System.Diagnostics;

namespace MaxK.Harness.Peers.Released;

/// <summary>
/// A checkout of the released MaxK-GNN repository (harveyp123/MaxK-GNN): its folder, the commit it is at, and the
/// <c>kernels/</c> sources the peer builds. Fetched code never enters this repository: the user points
/// <c>--released-dir</c> at a checkout, or <see cref="CloneOrThrow"/> clones the pinned commit into a cache folder
/// where the host has a network.
/// </summary>
public sealed record ReleasedSource(string Directory, string Commit)
{
    public const string Repository = "https://github.com/harveyp123/MaxK-GNN";

    /// <summary>The commit the peer was written against (2024-03-04, the kernels of the paper's artifact).</summary>
    public const string PinnedCommit = "b8536d1ac4e70d04a62d9c9171f9850940b610ac";

    /// <summary>The translation units of the released kernel benchmark (its CMake file pins sm_80, so we call nvcc).</summary>
    public static readonly IReadOnlyList<string> Units = ["main.cu", "spmm_maxk.cu", "spmm_maxk_backward.cu", "spmm_cusparse.cu"];

    public string KernelsDirectory => Path.Combine(Directory, "kernels");

    /// <summary>Opens a checkout; throws <see cref="PeerUnavailableException"/> when it has no <c>kernels/</c> sources.</summary>
    public static ReleasedSource Open(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        var missing = Units.Where(u => !File.Exists(Path.Combine(full, "kernels", u))).ToList();
        if (missing.Count > 0)
            throw new PeerUnavailableException($"{full} is not a MaxK-GNN checkout: kernels/{string.Join(", kernels/", missing)} missing");
        return new ReleasedSource(full, CommitOf(full));
    }

    /// <summary>
    /// The checkout's commit: <c>git rev-parse HEAD</c> when the folder is itself a git checkout (has its own .git), else a
    /// COMMIT file beside kernels/ (an exported tree), else "unknown". Git is not asked in a folder without its own .git:
    /// it would answer with the commit of whatever repository encloses the folder (seen on the H200, 2026-12-06: an
    /// exported tree inside this repository's checkout recorded this repository's commit).
    /// </summary>
    public static string CommitOf(string directory)
    {
        if (System.IO.Directory.Exists(Path.Combine(directory, ".git")) || File.Exists(Path.Combine(directory, ".git")))
        {
            var (exit, stdout) = Git(directory, ["rev-parse", "HEAD"], TimeSpan.FromSeconds(20));
            if (exit == 0 && stdout.Trim().Length == 40)
                return stdout.Trim();
        }
        var file = Path.Combine(directory, "COMMIT");
        return File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } c ? c : "unknown";
    }

    /// <summary>
    /// Clones <see cref="Repository"/> at <see cref="PinnedCommit"/> into <paramref name="cacheDirectory"/> (once); throws
    /// <see cref="PeerUnavailableException"/> when git or the network is missing.
    /// </summary>
    public static ReleasedSource CloneOrThrow(string cacheDirectory)
    {
        var target = Path.Combine(cacheDirectory, "maxk-gnn-" + PinnedCommit[..8]);
        if (Units.All(u => File.Exists(Path.Combine(target, "kernels", u))))
            return Open(target);
        var partial = target + ".partial";
        if (System.IO.Directory.Exists(partial))
            System.IO.Directory.Delete(partial, recursive: true);
        System.IO.Directory.CreateDirectory(cacheDirectory);
        var (clone, _) = Git(cacheDirectory, ["clone", "--quiet", Repository, partial], TimeSpan.FromMinutes(3));
        var (checkout, _) = clone == 0 ? Git(partial, ["checkout", "--quiet", PinnedCommit], TimeSpan.FromMinutes(1)) : (clone, "");
        if (clone != 0 || checkout != 0)
            throw new PeerUnavailableException($"could not clone {Repository} at {PinnedCommit[..8]} (no network or git?); pass --released-dir with a checkout");
        System.IO.Directory.Move(partial, target);
        return Open(target);
    }

    private static (int Exit, string Stdout) Git(string directory, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("git") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(start);
            if (p is null)
                return (-1, "");
            var stdout = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeout))
            {
                p.Kill(entireProcessTree: true);
                return (-1, "");
            }
            return (p.ExitCode, stdout.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, "");
        }
    }
}
