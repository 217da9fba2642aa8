using System.Globalization;

namespace MaxK.Harness.Kernels.Grid;

/// <summary>
/// One GPU kernel check of <see cref="GpuKernelVerifier"/>: which kernel, variant and shape, against which reference,
/// the relative error ‖gpu − ref‖₂ / ‖ref‖₂ and its tolerance, the number of entries that must match exactly but do
/// not (<see cref="Mismatches"/>), and the failure if the check could not complete.
/// </summary>
public sealed record GpuKernelCheck(
    string Kernel, string Variant, int K, int Dim, string Reference, double RelativeError, double Tolerance, long Mismatches = 0, string? Error = null)
{
    /// <summary>No error, no exact-match mismatch, and a (non-NaN) relative error within the tolerance.</summary>
    public bool Passed => Error is null && Mismatches == 0 && !double.IsNaN(RelativeError) && RelativeError <= Tolerance;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Kernel} [{Variant}] k={K} D={Dim}: {(Passed ? "pass" : "FAIL")}, rel err {RelativeError:E2} (tol {Tolerance:E0}), "
            + $"{Mismatches} mismatches vs {Reference}{(Error is null ? "" : $"; error: {Error}")}");
}
