using System.Text.Json.Serialization;

namespace MaxK.Harness.Vocabulary;

/// <summary>
/// The aggregation backends of training cases: the one list (suite files, <c>maxk train --backend</c>, records, ids).
/// Words: "cpu-reference", "cusparse", "maxk", "gnnadvisor" and the peer "pyg".
/// </summary>
public enum TrainingBackend
{
    /// <summary>The CPU reference kernels (device cpu).</summary>
    [JsonStringEnumMemberName("cpu-reference")]
    CpuReference,

    /// <summary>ReLU baseline on cuSPARSE SpMM (device cuda); the baseline every CUDA speed-up refers to.</summary>
    [JsonStringEnumMemberName("cusparse")]
    CuSparse,

    /// <summary>This project's MaxK kernels (device cuda).</summary>
    [JsonStringEnumMemberName("maxk")]
    MaxK,

    /// <summary>ReLU baseline on the GNNAdvisor-style SpMM (device cuda).</summary>
    [JsonStringEnumMemberName("gnnadvisor")]
    GnnAdvisor,

    /// <summary>The PyTorch Geometric peer: another implementation run as a black box, on either device.</summary>
    [JsonStringEnumMemberName("pyg")]
    Pyg,
}

/// <summary>Facts about each <see cref="TrainingBackend"/>.</summary>
public static class TrainingBackendFacts
{
    /// <summary>Every backend, in declaration order.</summary>
    public static IReadOnlyList<TrainingBackend> All { get; } = Enum.GetValues<TrainingBackend>();

    /// <summary>This project's own backends (the peer left out): what <c>maxk train --backend</c> accepts.</summary>
    public static IReadOnlyList<TrainingBackend> Ours { get; } = [.. All.Where(b => !b.IsPeer())];

    /// <summary>The word, e.g. "cpu-reference".</summary>
    public static string Word(this TrainingBackend backend) => Words.Of(backend);

    /// <summary>True for a peer implementation run as a black box (not one of ours).</summary>
    public static bool IsPeer(this TrainingBackend backend) => backend == TrainingBackend.Pyg;

    /// <summary>Whether the backend runs on <paramref name="device"/> (a peer runs on both).</summary>
    public static bool RunsOn(this TrainingBackend backend, ComputeDevice device) =>
        backend.IsPeer() || (backend == TrainingBackend.CpuReference) == (device == ComputeDevice.Cpu);

    /// <summary>The backend of a case that names none: cpu → cpu-reference; cuda → maxk for MaxK, cusparse for ReLU.</summary>
    public static TrainingBackend Default(ComputeDevice device, bool maxk) =>
        device == ComputeDevice.Cpu ? TrainingBackend.CpuReference : maxk ? TrainingBackend.MaxK : TrainingBackend.CuSparse;

    /// <summary>The backend every record of <paramref name="device"/> is compared with (its ReLU baseline's).</summary>
    public static TrainingBackend Baseline(ComputeDevice device) => device == ComputeDevice.Cuda ? TrainingBackend.CuSparse : TrainingBackend.CpuReference;
}
