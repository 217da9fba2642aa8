using System.Text.Json;
using System.Text.Json.Serialization;

namespace MaxK.Harness.Results;

/// <summary>
/// How a kernel record was timed (<c>timing_protocol</c>, kebab-case words on disk: the property carries
/// <see cref="KebabCaseEnumConverter{T}"/>, which wins over the snake_case enum converter of <see cref="ResultJson.Options"/>).
/// Times and ratios are only ever compared within one protocol. A record without the field was timed with
/// <see cref="CudaEventsL2Flushed"/>.
/// </summary>
public enum TimingProtocol
{
    /// <summary>"cuda-events-l2-flushed": CUDA events around each run, L2 flushed before it, median with a 95 % CI (this harness's default).</summary>
    CudaEventsL2Flushed,

    /// <summary>
    /// "released-host-mean4": the released MaxK-GNN code's own protocol, a host clock around launch and synchronise,
    /// 4 warm-ups, the mean of 4 runs, no L2 flush (what the paper's kernel figure was measured with).
    /// </summary>
    ReleasedHostMean4,
}

/// <summary>Words and defaults of <see cref="TimingProtocol"/>.</summary>
public static class TimingProtocols
{
    /// <summary>The protocol of a record: its field, or <see cref="TimingProtocol.CudaEventsL2Flushed"/> when absent.</summary>
    public static TimingProtocol Of(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.TimingProtocol ?? TimingProtocol.CudaEventsL2Flushed;
    }

    /// <summary>The word on disk and on pages.</summary>
    public static string Word(this TimingProtocol protocol) => protocol switch
    {
        TimingProtocol.ReleasedHostMean4 => "released-host-mean4",
        _ => "cuda-events-l2-flushed",
    };

    /// <summary>
    /// How training epochs are timed (not a kernel record's protocol, named for the claims): CUDA events from before
    /// zero_grad to after optimizer.step, the median over the epochs after the warm-up, no L2 flush.
    /// </summary>
    public const string TrainingEpochWord = "epoch-cuda-events";
}

/// <summary>Writes and reads an enum as kebab-case lower words ("cuda-events-l2-flushed"); an unknown word is a JSON error.</summary>
public sealed class KebabCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
