using System.Text.Json;
using MaxK.Formats;
using MaxK.Graphs.Synthetic;
using MaxK.Harness;
using MaxK.Harness.Kernels;
using MaxK.Harness.Results;
using MaxK.Harness.Runner;
using MaxK.Harness.Suites;
using MaxK.Harness.Timing;
using MaxK.Harness.Verification;
using MaxK.Tests.Support;

namespace MaxK.Tests.Harness;

/// <summary>The GPU benchmark's pure parts: plan, byte model, records, speed-ups, summary and JSON.</summary>
public class KernelBenchmarkTests
{
    private static readonly KernelSuiteOptions Options = KernelSuiteOptions.Parse("tiny-uniform,tiny-rmat", 256, "16, 32,64", 20, 5, 42);

    [Fact]
    public void OptionsParseListsAndKeepDefaults()
    {
        Assert.Equal(["tiny-uniform", "tiny-rmat"], Options.Graphs);
        Assert.Equal([16, 32, 64], Options.Ks);
        Assert.Equal((256, 20, 5, 42UL), (Options.Dim, Options.Runs, Options.Warmup, Options.Seed));
    }

    [Fact]
    public void ThePlanRunsTheBaselineFirstAndAddsAWidthKReferencePerK()
    {
        var plan = KernelTestData.GpuPlan(Options, "tiny-rmat");
        Assert.Equal(5 + (6 * 3), plan.Count);
        Assert.Equal(KernelNames.CuSparseSpmmAlg2, plan[0].Kernel);
        Assert.Equal("gnnadvisor_spmm_best_maxk_native_fp32_dim256_tiny-rmat", plan[4].Id);
        Assert.Equal(["cusparse_spmm_alg2_cusparse_fp32_dim256_tiny-rmat", "cusparse_spmm_alg3_cusparse_fp32_dim256_tiny-rmat", "gnnadvisor_spmm_maxk_native_fp32_dim256_tiny-rmat"],
            plan.Take(3).Select(c => c.Id));
        Assert.Equal("device_copy_cuda_runtime_fp32_dim256_tiny-rmat", plan[3].Id);
        var widthK = plan.Where(c => c.WidthK).ToList();
        Assert.Equal(3, widthK.Count);
        Assert.All(widthK, c => Assert.Equal((KernelNames.CuSparseSpmmAlg3, c.K), (c.Kernel, c.Dim)));
        Assert.Equal("cusparse_spmm_alg3_cusparse_fp32_k32_dim32_tiny-rmat_width_k", widthK[1].Id);
        Assert.Equal(plan.Count, plan.Select(c => c.Id).Distinct().Count());
        foreach (var k in Options.Ks)
        {
            foreach (var kernel in new[] { KernelNames.MaxKSelect, KernelNames.MaxKForward, KernelNames.MaxKBackward, KernelNames.MaxKForwardFloor, KernelNames.MaxKBackwardFloor })
                Assert.Contains(plan, c => c.Kernel == kernel && c.K == k && c.Dim == 256 && c.Implementation == KernelNames.MaxkNative);
        }
    }

    [Fact]
    public void TheByteModelCountsEachInputAndOutputOnce()
    {
        const long n = 1_000, e = 20_000;
        Assert.Equal((4 * 1_001) + (8 * e), ByteModel.Csr(n, e));
        Assert.Equal(ByteModel.Csr(n, e) + (2 * 4 * n * 256), ByteModel.Spmm(n, e, 256));
        Assert.Equal((4 * n * 256) + (n * 32 * 5), ByteModel.Select(n, 256, 32, CbsrIndexWidth.UInt8));
        Assert.Equal(ByteModel.Csr(n, e) + (n * 32 * 6) + (4 * n * 384), ByteModel.Forward(n, e, 384, 32, CbsrIndexWidth.UInt16));
        Assert.Equal(ByteModel.Csr(n, e) + (4 * n * 256) + (n * 16 * 5), ByteModel.Backward(n, e, 256, 16, CbsrIndexWidth.UInt8));
        Assert.Equal((n * 16 * 5) + (4 * n * 256), ByteModel.Scatter(n, 256, 16, CbsrIndexWidth.UInt8));
        // Reddit-sized, D = 256, k = 32: the forward moves under half of what dense SpMM does.
        Assert.True(ByteModel.Forward(232_965, 114_615_892, 256, 32, CbsrIndexWidth.UInt8) < ByteModel.Spmm(232_965, 114_615_892, 256));
        Assert.Contains("compulsory", ByteModel.Description);
    }

    [Fact]
    public void ARecordCarriesStatisticsBandwidthAndTheOptionalGpuFields()
    {
        var c = KernelTestData.GpuPlan(Options, "tiny-uniform").Single(x => x.WidthK && x.K == 16);
        var outcome = new CaseOutcome(new VerificationResult("dense SpMM (CPU, double) on all 1,000 rows", 2e-7, 1e-5),
            [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], 4_000_000, 0.25, "cusparseSpMM_preprocess", "CsrAlg3");
        var r = KernelTestData.GpuRecord(c, GraphPresets.TinyUniform, 1_000, 20_000, "NVIDIA H200", outcome, null, 5);
        Assert.True(r.Verified);
        Assert.Equal(("cuda", "NVIDIA H200", 16, 16, true), (r.Device, r.Gpu, r.Dim, r.K, r.WidthK));
        Assert.Equal((8, 5, 4.5, 1.0, 8.0), (r.N, r.Warmup, r.MedianMs!.Value, r.MinMs!.Value, r.MaxMs!.Value));
        Assert.Equal(4_000_000 / (4.5 * 1e6), r.GbPerS!.Value, 12);
        Assert.Equal((0.25, "cusparseSpMM_preprocess", "CsrAlg3"), (r.PreprocessMs!.Value, r.PreprocessNote, r.Config));
        Assert.Equal(ByteModel.Description, r.ByteModel);
        Assert.NotNull(r.MedianCi95LowMs);

        var failedCheck = KernelTestData.GpuRecord(c, GraphPresets.TinyUniform, 1_000, 20_000, "g",
            outcome with { Verification = new VerificationResult("x", double.NaN, 1e-5), SamplesMs = [] }, null);
        Assert.False(failedCheck.Verified);
        Assert.Null(failedCheck.MedianMs);
        var crashed = KernelTestData.GpuRecord(c, GraphPresets.TinyUniform, 1_000, 20_000, "g", null, "GpuOutOfMemoryException: GPU out of memory");
        Assert.False(crashed.Verified);
        Assert.Equal("GpuOutOfMemoryException: GPU out of memory", crashed.Error);
        var plain = KernelTestData.GpuRecord(KernelTestData.GpuPlan(Options, "tiny-uniform")[0], GraphPresets.TinyUniform, 1, 1, "g", null, null);
        Assert.Null(plain.WidthK);
    }

    [Fact]
    public void SpeedupsReferToCuSparseAlg2AtTheBenchmarkWidthOfTheSameGraph()
    {
        var records = new List<CaseRecord>();
        foreach (var graph in new[] { "tiny-uniform", "tiny-rmat" })
        {
            foreach (var c in KernelTestData.GpuPlan(Options, graph))
            {
                var median = c.Kernel == KernelNames.CuSparseSpmmAlg2 ? (graph == "tiny-uniform" ? 8.0 : 4.0) : 2.0;
                var outcome = new CaseOutcome(new VerificationResult("r", 0, 1e-5), [median], 1_000);
                records.Add(KernelTestData.GpuRecord(c, GraphPresets.Get(graph), 1_000, 20_000, "g", outcome, null));
            }
        }
        records.Add(records[0] with { Id = "dense_spmm_cpu", Kernel = KernelNames.DenseSpmm, Device = "cpu", MedianMs = 1 });
        records = DerivedMetrics.CaseSpeedups(records);

        var uniform = records.Where(r => r.Graph == "tiny-uniform" && r.Device == "cuda").ToList();
        var baselineId = uniform.Single(r => r.Kernel == KernelNames.CuSparseSpmmAlg2).Id;
        Assert.All(uniform.Where(r => r.Kernel is not (KernelNames.CuSparseSpmmAlg2 or KernelNames.MaxKSelect or KernelNames.DeviceCopy) && r.Diagnostic != true), r =>
        {
            Assert.Equal(baselineId, r.SpeedupBaseline);
            Assert.Equal(4.0, r.Speedup);
        });
        Assert.Contains(uniform, r => r.WidthK == true && r.Speedup == 4.0);
        Assert.All(uniform.Where(r => r.Kernel is KernelNames.CuSparseSpmmAlg2 or KernelNames.MaxKSelect or KernelNames.DeviceCopy || r.Diagnostic == true), r => Assert.Null(r.Speedup));
        Assert.All(records.Where(r => r.Graph == "tiny-rmat" && r.Kernel == KernelNames.MaxKForward), r => Assert.Equal(2.0, r.Speedup));
        Assert.Null(records[^1].Speedup);
    }

    [Fact]
    public void RecordsAndManifestRoundTripThroughJsonWithSnakeCaseNames()
    {
        var c = KernelTestData.GpuPlan(Options, "tiny-uniform").Single(x => x.WidthK && x.K == 32);
        var record = KernelTestData.GpuRecord(c, GraphPresets.TinyUniform, 1_000, 20_000, "NVIDIA H200",
            new CaseOutcome(new VerificationResult("r", 0, 1e-5), [1.5, 1.25], 100, 0.5, "note", "cfg"), null, 5);
        var manifest = new RunManifest
        {
            Suite = "kernels", HarnessCommit = "0123456789abcdef", HarnessDirty = false, Host = "h", Cpu = "c", LogicalCpus = 16, MemoryBytes = 1,
            Os = "o", Dotnet = "d", TorchSharp = "t", Gpu = "NVIDIA H200", GpuCount = 1, CudaDriverVersion = 13000, CudaRuntimeVersion = 13000,
            CusparseVersion = "12.6.3", GpuComputeCapability = "9.0", GpuSmCount = 132, GpuMemoryBytes = 150_000_000_000, GpuL2Bytes = 52_428_800,
            GpuSmClockKhz = 1_980_000, NativeLibrary = "/b/libmaxk_native.so", NativeLibrarySha256 = "ab", NativeVersion = "0.3.0",
            NativeBuildInfo = "arch 90", NativeCompiledCudaVersion = 12090, GpuTiming = new CudaEventsL2Flushed(Options.Warmup, Options.Runs).Description, Seed = 42,
            StartedUtc = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        };
        var result = new RunResult { Manifest = manifest, Skipped = [], Cases = [record] };
        var json = ResultJson.Serialize(result);
        using (var doc = JsonDocument.Parse(json))
        {
            var r = doc.RootElement.GetProperty("cases")[0];
            foreach (var name in new[] { "kernel", "graph", "nodes", "edges", "dim", "k", "median_ms", "verified", "gpu" })
                Assert.True(r.TryGetProperty(name, out _), name);
            Assert.True(r.GetProperty("width_k").GetBoolean());
            Assert.Equal(0.5, r.GetProperty("preprocess_ms").GetDouble());
            Assert.Equal(ByteModel.Description, r.GetProperty("byte_model").GetString());
            var m = doc.RootElement.GetProperty("manifest");
            Assert.Equal("12.6.3", m.GetProperty("cusparse_version").GetString());
            Assert.Equal(132, m.GetProperty("gpu_sm_count").GetInt32());
            Assert.Equal("/b/libmaxk_native.so", m.GetProperty("native_library").GetString());
            Assert.Contains("20 timed runs", m.GetProperty("gpu_timing").GetString());
        }
        using var dir = new ScratchFolder();
        var path = ResultPaths.File(dir.Path, "NVIDIA H200 / SXM", manifest, "kernels");
        Assert.EndsWith(Path.Combine("NVIDIA_H200___SXM", "2026-01-02_01234567", "kernels.json"), path);
        AtomicFile.WriteAllText(path, json);
        var back = ResultJson.Read(path);
        Assert.Equal(record.Id, back.Cases[0].Id);
        Assert.Equal(record.WidthK, back.Cases[0].WidthK);
        Assert.Equal(manifest.NativeLibrarySha256, back.Manifest.NativeLibrarySha256);
    }

    [Fact]
    public void TheSummaryTableShowsEveryCaseWithItsSpeedup()
    {
        var records = KernelTestData.GpuPlan(Options, "tiny-uniform")
            .Select(c => KernelTestData.GpuRecord(c, GraphPresets.TinyUniform, 1_000, 20_000, "g",
                new CaseOutcome(new VerificationResult("r", 0, 1e-5), [c.Kernel == KernelNames.CuSparseSpmmAlg2 ? 3.0 : 1.0], 1_000_000), null))
            .ToList();
        records[^1] = records[^1] with { Verified = false, Error = "boom" };
        records = DerivedMetrics.CaseSpeedups(records);
        var log = new StringWriter();
        KernelSummaryTable.Write(log, records);
        var text = log.ToString();
        Assert.Contains("speed-up", text);
        Assert.Contains("3.00×", text);
        Assert.Contains("(w=k)", text);
        Assert.Contains("NO (boom)", text);
        Assert.Contains($"{records.Count(r => r.Diagnostic != true)} GPU cases, 1 failed", text); // the loads-only floors are listed apart, not counted
    }

    [Fact]
    public void EmptyGraphListIsAUserError() =>
        Assert.Throws<HarnessException>(() => KernelSuiteOptions.Parse("", 256, "16", 20, 5, 1));
}
