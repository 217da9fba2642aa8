using MaxK.Harness.Verification;
using MaxK.Kernels;
using MaxK.Native;

namespace MaxK.Harness.Kernels.Descriptors;

/// <summary>
/// What the loads-only floors (DIAGNOSTIC: <see cref="MaxKForwardFloorKernel"/>, <see cref="MaxKBackwardFloorKernel"/>)
/// share: the launch tuning (library defaults plus <see cref="MxkTuningFlags.DiagnosticSkipAccumulate"/>), the
/// verification every floor records instead of a check, and its config line.
/// </summary>
public static class FloorTuning
{
    /// <summary>The launch tuning of both floors: library defaults plus the diagnostic flag.</summary>
    public static readonly MxkTuning Tuning = new() { Flags = MxkTuningFlags.DiagnosticSkipAccumulate };

    /// <summary>What every floor case records instead of a verification: unverifiable, NaN error, zero tolerance (never "passed").</summary>
    public static VerificationResult NotVerifiable => new(KernelNames.FloorVerificationNote, double.NaN, 0);

    /// <summary>The MaxK product's config line with the diagnostic flag named.</summary>
    internal static string Config(GpuPartition p, DeviceCbsr x) =>
        MaxKInputs.PartitionConfig(p, x).Replace("default tuning", "default tuning + MXK_TUNE_DIAGNOSTIC_SKIP_ACCUMULATE (output wrong by design)", StringComparison.Ordinal);
}
