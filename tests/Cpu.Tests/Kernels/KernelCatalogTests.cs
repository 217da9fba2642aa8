using MaxK.Harness.Kernels;
using MaxK.Harness.Kernels.Grid;
using MaxK.Harness.Suites;
using MaxK.Harness.Verification;
using MaxK.Harness.Vocabulary;

namespace MaxK.Tests.Kernels;

/// <summary>The kernel catalogue: one descriptor per kernel, what each declares, the plans it makes and the inputs it fixes.</summary>
public class KernelCatalogTests
{
    [Fact]
    public void EachDeviceListsItsKernelsInCatalogueOrder()
    {
        Assert.Equal([KernelNames.DenseSpmm, KernelNames.MaxKSelect, KernelNames.MaxKForward, KernelNames.MaxKBackward], KernelCatalog.Ids(ComputeDevice.Cpu));
        Assert.Equal(
            [KernelNames.MaxKSelect, KernelNames.MaxKForward, KernelNames.MaxKBackward, KernelNames.CuSparseSpmmAlg2, KernelNames.CuSparseSpmmAlg3,
             KernelNames.GnnAdvisorSpmm, KernelNames.DeviceCopy, KernelNames.MaxKForwardFloor, KernelNames.MaxKBackwardFloor, KernelNames.GnnAdvisorSpmmBest],
            KernelCatalog.Ids(ComputeDevice.Cuda));
        Assert.Equal([KernelNames.MaxKForwardFloor, KernelNames.MaxKBackwardFloor], KernelNames.Diagnostic);
        Assert.Null(KernelCatalog.Find("no_such_kernel"));
        Assert.Contains("Unknown kernel 'no_such_kernel'", Assert.Throws<MaxK.Harness.HarnessException>(() => KernelCatalog.Get("no_such_kernel")).Message);
    }

    [Fact]
    public void TheFactsOfEveryKernelComeFromItsDescriptor()
    {
        Assert.True(KernelNames.IsSpmm(KernelNames.DenseSpmm));
        Assert.True(KernelNames.HasSpeedup(KernelNames.MaxKForward));
        Assert.True(KernelNames.HasSpeedup(KernelNames.CuSparseSpmmAlg3));
        Assert.False(KernelNames.HasSpeedup(KernelNames.CuSparseSpmmAlg2));
        Assert.False(KernelNames.IsSpmm(KernelNames.MaxKSelect));
        Assert.False(KernelNames.IsSpmm(KernelNames.MaxKBackwardScatter));
        Assert.False(KernelNames.IsSpmm("no_such_kernel"));
        Assert.Equal(KernelNames.MaxKBackward, KernelNames.Measured(KernelNames.MaxKBackwardFloor));
        Assert.Equal("no_such_kernel", KernelNames.Measured("no_such_kernel"));
        Assert.Equal(0, KernelCatalog.Get(KernelNames.MaxKSelect).Tolerance);
        Assert.Equal(0, KernelCatalog.Get(KernelNames.DeviceCopy).Tolerance);
        Assert.Equal(0, KernelCatalog.Get(KernelNames.MaxKBackwardScatter).Tolerance);
        Assert.Equal(VerificationResult.Fp32Tolerance, KernelCatalog.Get(KernelNames.MaxKForward).Tolerance);
        Assert.Empty(KernelCatalog.Get(KernelNames.MaxKBackwardScatter).Plan(ComputeDevice.Cuda, new KernelPlanRequest("tiny-uniform", 64, [8], 1)));
    }

    [Fact]
    public void InputStreamsAreFixedPerKernelAndFloorsDrawTheInputsOfTheKernelTheyBound()
    {
        // One input stream per kernel (implementations of the same kernel may share their kernel's inputs).
        var gpu = KernelCatalog.All.Where(d => d.RunsOn(ComputeDevice.Cuda) && !d.IsPeer).DistinctBy(d => d.Id).ToList();
        Assert.Equal(gpu.Count, gpu.Select(d => d.InputStream).Distinct().Count());
        // Pinned numbers: the inputs of every GPU case are the same in every version of the harness.
        var forward = new KernelCase(KernelNames.MaxKForward, KernelNames.MaxkNative, "g", 256, 32, 42);
        Assert.Equal(200_320_256UL, KernelCatalog.Get(KernelNames.MaxKForward).Stream(forward, 0));
        Assert.Equal(200_320_256UL, KernelCatalog.Get(KernelNames.MaxKForwardFloor).Stream(forward with { Kernel = KernelNames.MaxKForwardFloor }, 0));
        var widthK = new KernelCase(KernelNames.CuSparseSpmmAlg3, KernelNames.CuSparse, "g", 64, 64, 42) { WidthK = true };
        Assert.Equal(550_640_064UL, KernelCatalog.Get(KernelNames.CuSparseSpmmAlg3).Stream(widthK, 0));
        Assert.Equal(400_000_256UL, KernelCatalog.Get(KernelNames.CuSparseSpmmAlg2).Stream(new KernelCase(KernelNames.CuSparseSpmmAlg2, KernelNames.CuSparse, "g", 256, 0, 42), 0));
    }

    [Fact]
    public void TheCpuPlanIsDenseSpmmThenEachKsKernels()
    {
        var plan = KernelCatalog.Plan(ComputeDevice.Cpu, new KernelPlanRequest("tiny-uniform", 64, [8, 16], 7));
        Assert.Equal(
            ["dense_spmm_cpu_reference_fp32_dim64_tiny-uniform", "maxk_select_cpu_reference_fp32_k8_dim64_tiny-uniform", "maxk_forward_cpu_reference_fp32_k8_dim64_tiny-uniform",
             "maxk_backward_cpu_reference_fp32_k8_dim64_tiny-uniform", "maxk_select_cpu_reference_fp32_k16_dim64_tiny-uniform",
             "maxk_forward_cpu_reference_fp32_k16_dim64_tiny-uniform", "maxk_backward_cpu_reference_fp32_k16_dim64_tiny-uniform"],
            plan.Select(c => c.Id));
        Assert.All(plan, c => Assert.Equal(7UL, c.Seed));
    }

    [Fact]
    public void TheKernelsSuiteRunsEveryGpuKernelOnEachGraphThroughTheSameExpander()
    {
        var options = KernelSuiteOptions.Parse("tiny-uniform,tiny-rmat", 128, "8,16", 20, 5, 42);
        var suite = BuiltInSuites.Kernels(options);
        Assert.Equal((BuiltInSuites.KernelsName, SectionRequirement.Cuda, ComputeDevice.Cuda), (suite.Name, suite.Sections[0].Requires, suite.Sections[0].Device));
        var cases = SuiteExpander.Expand(suite, null).Cases.Cast<KernelSuiteCase>().ToList();
        var expected = options.Graphs.SelectMany(g => KernelCatalog.Plan(ComputeDevice.Cuda, new KernelPlanRequest(g, 128, options.Ks, 42))).ToList();
        Assert.Equal(expected, cases.Select(c => c.Case));
        Assert.All(cases, c => Assert.Equal((20, 5, 128), (c.Runs, c.Warmup, c.SectionDim)));
        Assert.Equal(2 * (5 + (6 * 2)), cases.Count);
        Assert.Equal(suite.Sha256, BuiltInSuites.Kernels(options).Sha256);
        Assert.NotEqual(suite.Sha256, BuiltInSuites.Kernels(options with { Runs = 21 }).Sha256);
        Assert.Single(SuiteExpander.Expand(suite, "no GPU").Skipped);
    }

    [Fact]
    public void TheVerifySuiteIsTheWholeGridWithOneStableIdPerCheck()
    {
        var plan = GpuKernelVerifier.Plan();
        Assert.Equal(312, plan.Count);
        var cases = SuiteExpander.Expand(BuiltInSuites.Verify(42, 20_000), null).Cases.Cast<VerificationSuiteCase>().ToList();
        Assert.Equal(plan.Count, cases.Count);
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
        Assert.Equal("partition_maxk_native_fp32_dim0_verification-20000_max-chunk-1", cases[0].Id);
        Assert.Contains(cases, c => c.Id == "maxk_forward_maxk_native_fp32_k32_dim256_verification-20000_u8-tuned-shared-atomics");
        Assert.All(cases, c => Assert.Equal((ComputeDevice.Cuda, 42UL, 20_000), (c.Device, c.Case.Seed, c.Nodes)));
        Assert.Equal(plan.Count(p => p.Kernel == KernelNames.MaxKBackwardScatter), cases.Count(c => c.Case.Kernel == KernelNames.MaxKBackwardScatter));
        Assert.Throws<MaxK.Harness.HarnessException>(() => BuiltInSuites.Verify(1, 1));
    }

    [Theory]
    [InlineData("u8, tuned: 4 warps/block, 16 blocks (grid-stride)", "u8-tuned-4-warps-block-16-blocks-grid-stride")]
    [InlineData("max_chunk 1024", "max-chunk-1024")]
    [InlineData("  U16 ", "u16")]
    public void AVariantBecomesAnIdSlug(string variant, string slug) => Assert.Equal(slug, KernelCase.Slug(variant));
}
