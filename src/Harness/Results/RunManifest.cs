using System.Text.Json.Serialization;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Results;

/// <summary>Provenance of a run (snake_case in JSON): what ran, where, with which software, and when (UTC).</summary>
public sealed record RunManifest
{
    public required string Suite { get; init; }

    /// <summary>
    /// What the file is for: headline, diagnostic or probe, from the suite file (or the command). Absent in files written
    /// before roles existed: <see cref="EffectiveRole"/> derives it from <see cref="Suite"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RunRole? Role { get; init; }

    /// <summary>The recorded <see cref="Role"/>, else the role of <see cref="Suite"/> by name (<see cref="RunRoles.ForSuite"/>).</summary>
    [JsonIgnore]
    public RunRole EffectiveRole => Role ?? RunRoles.ForSuite(Suite);
    public required string HarnessCommit { get; init; }
    public required bool HarnessDirty { get; init; }

    /// <summary>How the harness was built: "release" or "debug" (<c>dotnet run</c> builds debug); null in files written before it was recorded.</summary>
    public string? BuildConfiguration { get; init; }
    public required string Host { get; init; }
    public required string Cpu { get; init; }
    public required int LogicalCpus { get; init; }
    public required long MemoryBytes { get; init; }
    public required string Os { get; init; }
    public required string Dotnet { get; init; }
    public required string TorchSharp { get; init; }
    public string? Gpu { get; init; }
    public int GpuCount { get; init; }
    public int? CudaDriverVersion { get; init; }
    public string? GpuUnavailableReason { get; init; }
    /// <summary>CUDA runtime version in use, e.g. 13000 (null without a GPU part).</summary>
    public int? CudaRuntimeVersion { get; init; }
    public string? CusparseVersion { get; init; }
    public string? GpuComputeCapability { get; init; }
    public int? GpuSmCount { get; init; }
    public long? GpuMemoryBytes { get; init; }
    public long? GpuL2Bytes { get; init; }
    /// <summary>Peak SM clock in kHz as the driver reports it (null where it no longer does).</summary>
    public int? GpuSmClockKhz { get; init; }
    public int? GpuMemoryClockKhz { get; init; }
    public int? GpuMemoryBusWidthBits { get; init; }
    /// <summary>File name of the libmaxk_native.so that ran and its SHA-256 (hex); files written before the name was recorded hold its absolute path.</summary>
    public string? NativeLibrary { get; init; }
    public string? NativeLibrarySha256 { get; init; }
    public string? NativeVersion { get; init; }
    /// <summary>mxk_build_info: CUDA architectures and version the library was compiled for.</summary>
    public string? NativeBuildInfo { get; init; }
    /// <summary>CUDART_VERSION the library was compiled with.</summary>
    public int? NativeCompiledCudaVersion { get; init; }
    /// <summary>The GPU timing protocol in words (events, runs, L2 flushing).</summary>
    public string? GpuTiming { get; init; }
    public required ulong Seed { get; init; }

    /// <summary>SHA-256 (hex) of the suite file's bytes; null for commands without a suite file.</summary>
    public string? SuiteHash { get; init; }

    /// <summary>This run's part of the suite, "i/n" (1-based), or null when it ran whole.</summary>
    public string? Shard { get; init; }

    /// <summary>The shards a merged file was joined from ("1/4" … "4/4"); null for a file written by one run.</summary>
    public IReadOnlyList<string>? MergedShards { get; init; }

    /// <summary>Every seed the run used: the suite's base seed and the training seeds.</summary>
    public IReadOnlyList<long>? Seeds { get; init; }

    /// <summary>The commit of the released MaxK-GNN checkout whose kernels ran as a peer in this run; null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReleasedCommit { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public DateTimeOffset? FinishedUtc { get; init; }
}
