namespace MaxK.Harness.Peers.Released;

/// <summary>
/// Where the released MaxK-GNN peer comes from and how it runs: a checkout (<c>--released-dir</c>, else
/// <c>MAXK_RELEASED_DIR</c>; without either the pinned commit is cloned into the cache where the host has a network), the
/// cache folder for its build and working folders (<c>MAXK_CACHE_DIR</c>, else ~/.cache/maxk), the nvcc architecture
/// (<c>MAXK_CUDA_ARCH</c>, else sm_90) and a time limit per graph.
/// </summary>
public sealed record ReleasedPeerOptions(string? CheckoutDirectory, string CacheDirectory, string Arch, TimeSpan TimeoutPerGraph)
{
    public static ReleasedPeerOptions FromEnvironment(string? releasedDirectory = null)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var cache = Environment.GetEnvironmentVariable("MAXK_CACHE_DIR") is { Length: > 0 } c ? c : Path.Combine(home.Length > 0 ? home : Path.GetTempPath(), ".cache", "maxk");
        var dir = releasedDirectory is { Length: > 0 } ? releasedDirectory : Environment.GetEnvironmentVariable("MAXK_RELEASED_DIR");
        var arch = Environment.GetEnvironmentVariable("MAXK_CUDA_ARCH") is { Length: > 0 } a ? (a.StartsWith("sm_", StringComparison.Ordinal) ? a : "sm_" + a) : "sm_90";
        return new ReleasedPeerOptions(dir is { Length: > 0 } ? dir : null, cache, arch, TimeSpan.FromMinutes(10));
    }
}
