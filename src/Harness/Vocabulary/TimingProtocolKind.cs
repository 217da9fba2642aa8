using System.Text.Json.Serialization;

namespace MaxK.Harness.Vocabulary;

/// <summary>
/// How a kernel case was timed, written on every kernel record as <c>timing_protocol</c>; a comparison is only made within
/// one protocol. Words: "cuda-events-l2-flushed" (ours, the default: CUDA events, warm-ups, L2 flushed before every run,
/// median), "released-host-mean4" (the released MaxK-GNN code's own: host clock around launch + device synchronise, 4
/// warm-ups, mean of 4, no L2 flush), "host-clock" (CPU cases: wall clock, median).
/// </summary>
public enum TimingProtocolKind
{
    [JsonStringEnumMemberName("cuda-events-l2-flushed")]
    CudaEventsL2Flushed,

    [JsonStringEnumMemberName("released-host-mean4")]
    ReleasedHostMean4,

    [JsonStringEnumMemberName("host-clock")]
    HostClock,
}

/// <summary>Words of <see cref="TimingProtocolKind"/>.</summary>
public static class TimingProtocolKinds
{
    public static string Word(this TimingProtocolKind kind) => Words.Of(kind);

    /// <summary>The statistic a protocol reports: the mean for the released protocol (as its authors print it), else the median.</summary>
    public static bool ReportsMean(this TimingProtocolKind kind) => kind == TimingProtocolKind.ReleasedHostMean4;
}
