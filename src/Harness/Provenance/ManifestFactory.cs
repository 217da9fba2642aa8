using MaxK.Harness.Vocabulary;
using MaxK.Harness.Results;
using MaxK.Torch;

namespace MaxK.Harness.Provenance;

/// <summary>The host and source part of a <see cref="RunManifest"/>, shared by every command that writes results.</summary>
public static class ManifestFactory
{
    /// <param name="suite">Suite or command name, e.g. "default" or "kernels"; the manifest's role is derived from it (<see cref="RunRoles.ForSuite"/>) unless the caller sets the suite file's.</param>
    /// <param name="gpu">Device count and driver version from the driver probe, and why GPU work does not run (null when it does).</param>
    /// <param name="seed">The run's base seed.</param>
    /// <remarks>The commit is the harness's own (<see cref="GitInfo.Current()"/>), whatever the current folder is.</remarks>
    public static RunManifest Create(string suite, (int Count, int DriverVersion, string? Reason) gpu, ulong seed)
    {
        var git = GitInfo.Current();
        var host = HostInfo.Read();
        return new RunManifest
        {
            Suite = suite, Role = RunRoles.ForSuite(suite), HarnessCommit = git.Commit, HarnessDirty = git.Dirty, BuildConfiguration = BuildInfo.Harness.Configuration.ToLowerInvariant(),
            Host = host.HostName, Cpu = host.CpuModel,
            LogicalCpus = host.LogicalCpus, MemoryBytes = host.MemoryBytes, Os = host.Os, Dotnet = host.DotNet,
            TorchSharp = TorchRuntime.TorchSharpVersion, GpuCount = gpu.Count, CudaDriverVersion = gpu.Count > 0 ? gpu.DriverVersion : null,
            GpuUnavailableReason = gpu.Reason, Seed = seed, StartedUtc = DateTimeOffset.UtcNow,
        };
    }
}
