using MaxK.Harness.Kernels;
using MaxK.Harness.Runner;
using MaxK.Harness.Suites;
using MaxK.Harness.Vocabulary;

namespace MaxK.Tests.Kernels;

/// <summary>The one runner on the CPU: each planned case verified, then timed, and recorded by the one record builder.</summary>
public class KernelCaseRunnerTests
{
    [Fact]
    public void CpuCasesAreVerifiedTimedAndRecordedWithoutGpuFields()
    {
        using var runner = new KernelCaseRunner("not used on the CPU");
        var plan = KernelCatalog.Plan(ComputeDevice.Cpu, new KernelPlanRequest("tiny-uniform", 64, [8], 3));
        foreach (var c in plan)
        {
            var r = runner.Run(new KernelSuiteCase(c, "s", ComputeDevice.Cpu, 64, 2, 0), TextWriter.Null);
            Assert.True(r.Verified, $"{r.Id}: {r.VerificationReference} {r.VerificationRelativeError}");
            Assert.Null(r.Error);
            Assert.Equal(("cpu", (string?)null, (string?)null, 2, 0), (r.Device, r.Gpu, r.ByteModel, r.N, r.Warmup));
            Assert.True(r.MedianMs >= 0 && r.BytesModeled > 0, r.Id);
            Assert.Equal((1_000, true), (r.Nodes, r.GraphSynthetic));
        }
    }

    [Fact]
    public void ACaseWithoutAnImplementationOnItsDeviceIsAFailedRecordNotACrash()
    {
        using var runner = new KernelCaseRunner(null);
        var c = new KernelCase(KernelNames.GnnAdvisorSpmm, KernelNames.MaxkNative, "tiny-uniform", 64, 0, 1);
        var r = runner.Run(new KernelSuiteCase(c, "s", ComputeDevice.Cpu, 64, 2, 0), TextWriter.Null);
        Assert.True(r.Failed);
        Assert.Contains("has no cpu implementation", r.Error);
    }
}
