using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Analysis.Claims;

/// <summary>
/// One claim on one GPU: our value (headline runs, this harness's protocol), the released code's value where its
/// black-box peer ran on this GPU, the facts the cause rules read (<see cref="ClaimRules"/>), and — filled by
/// <see cref="ClaimRules.Evaluate"/> — the ratio to the paper, the verdict and the cause.
/// </summary>
public sealed record ClaimMeasurement
{
    public required string Gpu { get; init; }

    /// <summary>Our value, or null when nothing stands for the claim (<see cref="Missing"/> says why).</summary>
    public double? Ours { get; init; }

    /// <summary>How <see cref="Ours"/> was timed or measured (a protocol word, e.g. cuda-events-l2-flushed).</summary>
    public string? OursProtocol { get; init; }

    /// <summary>Our graph or dataset that stands for the paper's, and whether it is real or synthetic.</summary>
    public string? StandIn { get; init; }
    public DataKind? Data { get; init; }

    /// <summary>The released code's value on this GPU (its protocol: released-host-mean4), or null where it was not measured.</summary>
    public double? Released { get; init; }

    /// <summary>Our kernel's time over the released code's, both timed with the released protocol on this GPU (above 1: ours slower).</summary>
    public double? OursOverReleasedTime { get; init; }

    /// <summary>A worded difference of the baseline from the paper's (set by the builder only when it exceeds the tolerance).</summary>
    public string? BaselineNote { get; init; }

    /// <summary>Context shown beside the value (which baseline, how many seeds or graphs).</summary>
    public string? Note { get; init; }

    /// <summary>Why there is no value (for a not-measured verdict).</summary>
    public string? Missing { get; init; }

    /// <summary>The result files the values come from (paths as the analysis was given them).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Ours over the paper's value (null for a change in points, and without both values).</summary>
    public double? Ratio { get; init; }

    public ClaimVerdict Verdict { get; init; } = ClaimVerdict.NotMeasured;

    public string Cause { get; init; } = "";
}
