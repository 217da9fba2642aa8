namespace MaxK.Harness.Verification;

/// <summary>
/// Outcome of checking a kernel against an independent reference on fresh random inputs, before timing.
/// <see cref="RelativeError"/> is ‖out − ref‖ / ‖ref‖; <see cref="Mismatches"/> counts entries (or expectations) that must
/// hold exactly but do not. <see cref="Passed"/> means no mismatch and a relative error of at most <see cref="Tolerance"/>.
/// </summary>
public sealed record VerificationResult(string Reference, double RelativeError, double Tolerance, long Mismatches = 0)
{
    public bool Passed => Mismatches == 0 && RelativeError <= Tolerance && !double.IsNaN(RelativeError);

    /// <summary>The fp32 tolerance of every kernel check.</summary>
    public const double Fp32Tolerance = 1e-5;
}
