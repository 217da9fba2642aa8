using MaxK.GpuTests.Support;
using MaxK.Harness.Kernels;
using MaxK.Harness.Runner;
using MaxK.Harness.Suites;
using MaxK.Harness.Vocabulary;

namespace MaxK.GpuTests.Kernels;

/// <summary>
/// The loads-only floor cases on the GPU: they run in the same graph session as the real kernels, are timed, marked
/// diagnostic and never verified (and not failures), while the real kernels beside them still verify.
/// </summary>
public class FloorCaseTests
{
    [Fact]
    public void FloorsAreTimedDiagnosticAndNeverVerifiedBesideVerifiedKernels()
    {
        NativeAvailability.Require();
        using var runner = new KernelCaseRunner("test GPU");
        foreach (var k in new[] { 16, 32 })
        {
            foreach (var kernel in new[] { KernelNames.MaxKForward, KernelNames.MaxKBackward, KernelNames.MaxKForwardFloor, KernelNames.MaxKBackwardFloor })
            {
                var c = new KernelCase(kernel, KernelNames.MaxkNative, "small-rmat", 256, k, 42);
                var r = runner.Run(new KernelSuiteCase(c, "floor", ComputeDevice.Cuda, 256, 5, 1), TextWriter.Null);
                Assert.Null(r.Error);
                Assert.False(r.Failed, $"{r.Id}: {r.VerificationReference}");
                Assert.Equal(5, r.N);
                Assert.True(r.MedianMs > 0, r.Id);
                if (KernelNames.IsDiagnostic(kernel))
                {
                    Assert.Equal((true, false, KernelNames.FloorVerificationNote), (r.Diagnostic, r.Verified, r.VerificationReference));
                    Assert.Contains("MXK_TUNE_DIAGNOSTIC_SKIP_ACCUMULATE", r.Config);
                }
                else
                {
                    Assert.True(r.Verified, $"{r.Id}: {r.VerificationReference} {r.VerificationRelativeError}");
                    Assert.Null(r.Diagnostic);
                }
            }
        }
    }
}
