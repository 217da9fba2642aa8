using MaxK.Harness.Verification;

namespace MaxK.Harness.Kernels;

/// <summary>
/// What one kernel case produced, on either device: its verification, the timed samples (empty when verification failed:
/// no timing without verification), the modelled bytes, one-off preprocessing and the launch configuration. The runner
/// turns it into the case's record (one builder for every command).
/// </summary>
public sealed record CaseOutcome(
    VerificationResult Verification, IReadOnlyList<double> SamplesMs, long BytesModeled,
    double? PreprocessMs = null, string? PreprocessNote = null, string? Config = null);
