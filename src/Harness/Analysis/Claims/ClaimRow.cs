using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Analysis.Claims;

/// <summary>
/// One claim of the paper with its value on the paper's GPU and what every GPU we have measured made of it. The row's
/// verdict is the least favourable among the GPUs that measured it (not reproduced, then holds, then exceeded), "not
/// measured" when none did; its cause lists the GPUs' causes (prefixed with the GPU where they differ).
/// </summary>
public sealed record ClaimRow
{
    /// <summary>Stable id, e.g. "e2e-reddit-sage-k16-vs-dgl".</summary>
    public required string Id { get; init; }
    public required ClaimSection Section { get; init; }
    public required string Claim { get; init; }
    public required ClaimUnit Unit { get; init; }
    public double? PaperValue { get; init; }
    public required string PaperGpu { get; init; }
    public required string PaperSource { get; init; }

    /// <summary>The paper's dataset or graph name (for the data caveat).</summary>
    public string? PaperName { get; init; }

    /// <summary>The protocol of our values and of the released code's (words).</summary>
    public required string OursProtocol { get; init; }
    public string? ReleasedProtocol { get; init; }

    /// <summary>One measurement per GPU of the report, in the report's GPU order.</summary>
    public required IReadOnlyList<ClaimMeasurement> ByGpu { get; init; }

    public ClaimVerdict Verdict { get; init; }
    public string Cause { get; init; } = "";

    /// <summary>Synthetic when any GPU's value stands on synthetic data, real when all measured values are real, null when none measured.</summary>
    public DataKind? Data => ByGpu.Any(m => m.Ours is not null && m.Data == DataKind.Synthetic) ? DataKind.Synthetic
        : ByGpu.Any(m => m.Ours is not null && m.Data == DataKind.Real) ? DataKind.Real : null;

    /// <summary>Every source run of the row, ordinal, distinct.</summary>
    public IReadOnlyList<string> Sources => [.. ByGpu.SelectMany(m => m.Sources).Distinct().Order(StringComparer.Ordinal)];

    public ClaimMeasurement? For(string gpu) => ByGpu.FirstOrDefault(m => m.Gpu == gpu);
}

/// <summary>The claims of the paper against every GPU in a results folder, from one computation (<see cref="ClaimsBuilder"/>).</summary>
public sealed record ClaimReport(IReadOnlyList<string> Gpus, IReadOnlyList<ClaimRow> Rows, string PaperGpu, string PaperGpuNote)
{
    /// <summary>How many rows have each verdict, in enum order.</summary>
    public IReadOnlyList<(ClaimVerdict Verdict, int Count)> Counts =>
        [.. Enum.GetValues<ClaimVerdict>().Select(v => (v, Rows.Count(r => r.Verdict == v)))];
}
