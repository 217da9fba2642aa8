using System.Text.Json.Serialization;

namespace MaxK.Harness.Vocabulary;

/// <summary>
/// How a kernel record was timed (<c>timing_protocol</c>). Words: "cuda-events-l2-flushed", "released-host-mean4",
/// "host-clock". Times and ratios are only ever compared within one protocol. A GPU record without the field was timed
/// with <see cref="CudaEventsL2Flushed"/>, a CPU record with <see cref="HostClock"/>.
/// </summary>
public enum TimingProtocol
{
    /// <summary>CUDA events around each run, L2 flushed before it, median with a 95 % CI (this harness's default).</summary>
    [JsonStringEnumMemberName("cuda-events-l2-flushed")]
    CudaEventsL2Flushed,

    /// <summary>
    /// The released MaxK-GNN code's own protocol: a host clock around launch and synchronise, 4 warm-ups, the mean of 4
    /// runs, no L2 flush (what the paper's kernel figure was measured with).
    /// </summary>
    [JsonStringEnumMemberName("released-host-mean4")]
    ReleasedHostMean4,

    /// <summary>CPU cases: wall clock around each run after warm-ups, median.</summary>
    [JsonStringEnumMemberName("host-clock")]
    HostClock,
}

/// <summary>Words of <see cref="TimingProtocol"/>.</summary>
public static class TimingProtocols
{
    /// <summary>The word on disk and on pages.</summary>
    public static string Word(this TimingProtocol protocol) => Words.Of(protocol);

    /// <summary>The statistic a protocol reports: the mean for the released protocol (as its authors print it), else the median.</summary>
    public static bool ReportsMean(this TimingProtocol protocol) => protocol == TimingProtocol.ReleasedHostMean4;

    /// <summary>
    /// How training epochs are timed (not a kernel record's protocol, named for the claims): CUDA events from before
    /// zero_grad to after optimizer.step, the median over the epochs after the warm-up, no L2 flush.
    /// </summary>
    public const string TrainingEpochWord = "epoch-cuda-events";
}
