using System.Text.Json.Serialization;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Results;

/// <summary>
/// One case in a result file (snake_case in JSON). The field names <c>kernel, graph, nodes, edges, dim, k,
/// median_ms, verified, gpu</c> are fixed so that outside tools can read them. Times are milliseconds.
/// Optional fields added for the GPU kernel benchmark are null where they do not apply.
/// </summary>
public sealed record CaseRecord
{
    public required string Id { get; init; }
    public required string Kernel { get; init; }
    public required string Implementation { get; init; }

    /// <summary>The word of the <see cref="ComputeDevice"/> it ran on ("cpu" or "cuda"); compare with <see cref="IsOn"/>.</summary>
    public required string Device { get; init; }
    public required string Graph { get; init; }
    public required bool GraphSynthetic { get; init; }
    public required string GraphLabel { get; init; }

    /// <summary>The graph source spec of a graph read from files or a dataset (csr:…, edges:…, dataset:…); absent for presets.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GraphSource { get; init; }

    /// <summary>The files the graph was read from, each with its size and SHA-256; absent for presets.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<GraphFileRecord>? GraphFiles { get; init; }
    public required int Nodes { get; init; }
    public required long Edges { get; init; }
    public required int Dim { get; init; }
    public required int K { get; init; }
    public required string Dtype { get; init; }
    public required ulong Seed { get; init; }
    public required bool Verified { get; init; }
    public required string VerificationReference { get; init; }
    public required double VerificationRelativeError { get; init; }
    public required double VerificationTolerance { get; init; }
    public required int Warmup { get; init; }
    public required int N { get; init; }
    public double? MedianMs { get; init; }
    public double? MinMs { get; init; }
    public double? MaxMs { get; init; }
    public double? MeanMs { get; init; }
    public double? StddevMs { get; init; }
    public double? MedianCi95LowMs { get; init; }
    public double? MedianCi95HighMs { get; init; }
    public double? GbPerS { get; init; }
    public long BytesModeled { get; init; }
    public string? SpeedupBaseline { get; init; }
    public double? Speedup { get; init; }
    public required IReadOnlyList<double> SamplesMs { get; init; }
    public string? Gpu { get; init; }
    public string? Error { get; init; }

    /// <summary>
    /// One-off per-graph preparation the timed runs exclude, in ms (what it is: <see cref="PreprocessNote"/>); e.g.
    /// cusparseSpMM_preprocess of ALG3 (CUDA events) or the native work-partition build (host wall time).
    /// </summary>
    public double? PreprocessMs { get; init; }

    /// <summary>What <see cref="PreprocessMs"/> measured and how.</summary>
    public string? PreprocessNote { get; init; }

    /// <summary>True for a dense SpMM run at width k instead of D (dim = k): the sceptic's reference for MaxK's gain.</summary>
    public bool? WidthK { get; init; }

    /// <summary>How <see cref="BytesModeled"/> was counted (e.g. "compulsory: …").</summary>
    public string? ByteModel { get; init; }

    /// <summary>Kernel launch configuration and preprocessing facts, e.g. "ngs=491, dw=32, wpb=8".</summary>
    public string? Config { get; init; }

    /// <summary>
    /// True for a diagnostic case (a loads-only floor of the kernel catalogue): timed, never verified
    /// (<see cref="Verified"/> false, the reason in <see cref="VerificationReference"/>), a lower bound and not a result.
    /// Absent from the JSON of every other case.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Diagnostic { get; init; }

    /// <summary>
    /// How the case was timed ("cuda-events-l2-flushed", "released-host-mean4", "host-clock"); absent (null) in files
    /// written before the field existed: GPU records of then were timed with <see cref="Vocabulary.TimingProtocol.CudaEventsL2Flushed"/>,
    /// CPU records with the host clock (<see cref="Protocol"/>). Times and ratios compare only within one protocol.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TimingProtocol? TimingProtocol { get; init; }

    /// <summary>The protocol the case was timed with: <see cref="TimingProtocol"/>, or the default of its device when the record has none.</summary>
    [JsonIgnore]
    public TimingProtocol Protocol => TimingProtocol
        ?? (IsOn(ComputeDevice.Cuda) ? Vocabulary.TimingProtocol.CudaEventsL2Flushed : Vocabulary.TimingProtocol.HostClock);

    /// <summary>The record's figure in ms under its protocol: mean_ms for released-host-mean4, median_ms otherwise.</summary>
    [JsonIgnore]
    public double? FigureMs => Protocol.ReportsMean() ? MeanMs : MedianMs;

    /// <summary>
    /// True for a peer record: the released MaxK-GNN kernels run as a black box (<see cref="PeerImplementations"/>), never
    /// verified by this harness, timed with their own protocol, never one of our speed-ups. Not written to JSON.
    /// </summary>
    [JsonIgnore]
    public bool Peer => PeerImplementations.IsPeer(Implementation);

    /// <summary>
    /// A failure of ours: an error, or not verified for a non-diagnostic case (a diagnostic case is unverifiable by design and
    /// fails only with an error). A peer's record is never one (see <see cref="PeerFailed"/>). Not written to JSON.
    /// </summary>
    [JsonIgnore]
    public bool Failed => !Peer && (Error is not null || (!Verified && Diagnostic != true));

    /// <summary>A peer's case that produced no time (its build, run or output failed): a peer failure, not ours. Not written to JSON.</summary>
    [JsonIgnore]
    public bool PeerFailed => Peer && Error is not null;

    /// <summary>True when the case ran on <paramref name="device"/>.</summary>
    public bool IsOn(ComputeDevice device) => Device == device.Word();
}

/// <summary>A file a kernel graph was read from (<c>graph_files</c>): its name, size in bytes and SHA-256 (lower-case hex).</summary>
public sealed record GraphFileRecord(string File, long Bytes, string Sha256);
