using MaxK.Harness.Verification;

namespace MaxK.Harness.Gpu;

/// <summary>
/// What one GPU case produced: its verification, the timed samples (empty when verification failed: no timing without
/// verification), the modelled bytes, one-off preprocessing and the launch configuration.
/// </summary>
public sealed record CaseOutcome(
    VerificationResult Verification, IReadOnlyList<double> SamplesMs, long BytesModeled,
    double? PreprocessMs = null, string? PreprocessNote = null, string? Config = null);
