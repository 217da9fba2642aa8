using System.Text.Json.Nodes;
using System.Text;
using MaxK.Graphs.Synthetic;
using MaxK.Harness.Kernels;
using MaxK.Harness.Kernels.Descriptors;
using MaxK.Harness.Results;
using MaxK.Harness.Runner;
using MaxK.Harness.Suites;
using MaxK.Harness.Verification;
using MaxK.Native;
using MaxK.Tests.Support;

namespace MaxK.Tests.Harness;

/// <summary>
/// The loads-only floor cases (maxk_forward_floor, maxk_backward_floor) in the kernel benchmark's pure parts: plan, inputs,
/// records, speed-ups, failure counting, summary table, schema and suites. The GPU side runs in the coordinator's GPU run.
/// </summary>
public class FloorCaseTests
{
    private static readonly KernelSuiteOptions Options = KernelSuiteOptions.Parse("tiny-uniform", 256, "16,32", 20, 5, 42);

    private static CaseRecord Timed(KernelCase c, double median, VerificationResult? check = null) =>
        KernelTestData.GpuRecord(c, GraphPresets.TinyUniform, 1_000, 20_000, "g", new CaseOutcome(check ?? new VerificationResult("r", 0, 1e-5), [median, median], 1_000_000), null, 5);

    [Fact]
    public void EachKGetsBothFloorsRightAfterTheKernelsTheyBound()
    {
        var plan = KernelTestData.GpuPlan(Options, "tiny-uniform").ToList();
        foreach (var k in Options.Ks)
        {
            var forward = plan.FindIndex(c => c.Kernel == KernelNames.MaxKForward && c.K == k);
            var backward = plan.FindIndex(c => c.Kernel == KernelNames.MaxKBackward && c.K == k);
            Assert.Equal(KernelNames.MaxKForwardFloor, plan[backward + 1].Kernel);
            Assert.Equal(KernelNames.MaxKBackwardFloor, plan[backward + 2].Kernel);
            Assert.Equal((k, 256, KernelNames.MaxkNative), (plan[backward + 1].K, plan[backward + 1].Dim, plan[backward + 1].Implementation));
            Assert.Equal($"maxk_forward_floor_maxk_native_fp32_k{k}_dim256_tiny-uniform", plan[backward + 1].Id);
            // Same inputs as the kernels they bound; other kernels keep their own streams.
            Assert.Equal(KernelCatalog.Get(plan[forward].Kernel).Stream(plan[forward], 0), KernelCatalog.Get(plan[backward + 1].Kernel).Stream(plan[backward + 1], 0));
            Assert.Equal(KernelCatalog.Get(plan[backward].Kernel).Stream(plan[backward], 1), KernelCatalog.Get(plan[backward + 2].Kernel).Stream(plan[backward + 2], 1));
            Assert.NotEqual(KernelCatalog.Get(plan[forward].Kernel).Stream(plan[forward], 0), KernelCatalog.Get(plan[backward].Kernel).Stream(plan[backward], 1));
        }
        Assert.Equal(KernelCatalog.Get(plan[0].Kernel).Stream(plan[0], 0), KernelCatalog.Get(plan[0].Kernel).Stream(plan[0] with { }, 0));
    }

    [Fact]
    public void TheFloorTuningIsTheDefaultPlusTheDiagnosticFlag()
    {
        Assert.Equal(256, (int)MxkTuningFlags.DiagnosticSkipAccumulate);
        Assert.Equal((0, 0, 0, MxkTuningFlags.DiagnosticSkipAccumulate), (FloorTuning.Tuning.WarpsPerBlock, FloorTuning.Tuning.MaxBlocks, FloorTuning.Tuning.GroupLanes, FloorTuning.Tuning.Flags));
        Assert.False(FloorTuning.NotVerifiable.Passed);
    }

    [Fact]
    public void AFloorRecordIsTimedDiagnosticAndNeverVerified()
    {
        var c = KernelTestData.GpuPlan(Options, "tiny-uniform").First(x => x.Kernel == KernelNames.MaxKForwardFloor);
        var r = Timed(c, 1.5, FloorTuning.NotVerifiable);
        Assert.Equal((true, false, 1.5), (r.Diagnostic, r.Verified, r.MedianMs));
        Assert.Equal(KernelNames.FloorVerificationNote, r.VerificationReference);
        Assert.True(double.IsNaN(r.VerificationRelativeError));
        Assert.False(r.Failed);
        // Even an outcome that claims to pass cannot make a floor verified.
        Assert.False(Timed(c, 1.5).Verified);
        // A floor that throws is a failure, and says what it is.
        var crashed = KernelTestData.GpuRecord(c, GraphPresets.TinyUniform, 1, 1, "g", null, "GpuOutOfMemoryException: out of memory");
        Assert.True(crashed.Failed);
        Assert.Equal((true, KernelNames.FloorVerificationNote), (crashed.Diagnostic, crashed.VerificationReference));
        // Real kernels: not diagnostic, and a failed verification is a failure.
        var real = Timed(KernelTestData.GpuPlan(Options, "tiny-uniform").First(x => x.Kernel == KernelNames.MaxKForward), 2);
        Assert.Null(real.Diagnostic);
        Assert.False(real.Failed);
        Assert.True((real with { Verified = false }).Failed);
    }

    [Fact]
    public void OnlyFloorsCarryTheDiagnosticFieldInJson()
    {
        var json = ResultJson.Serialize(FloorResults.Create());
        var cases = JsonNode.Parse(json)!["cases"]!.AsArray();
        foreach (var c in cases)
        {
            var diagnostic = KernelNames.IsDiagnostic(c!["kernel"]!.GetValue<string>());
            Assert.Equal(diagnostic, c.AsObject().ContainsKey("diagnostic"));
            if (diagnostic)
                Assert.True(c["diagnostic"]!.GetValue<bool>());
            Assert.False(c.AsObject().ContainsKey("failed"));
        }
        Assert.Contains("\"diagnostic\": true", json);
    }

    [Fact]
    public void FloorsGetNoSpeedupInTheBenchmarkOrAfterAMerge()
    {
        var records = KernelTestData.GpuPlan(Options, "tiny-uniform").Select(c => Timed(c, c.Kernel == KernelNames.CuSparseSpmmAlg2 ? 8 : 2)).ToList();
        records = DerivedMetrics.CaseSpeedups(records);
        Assert.All(records.Where(r => r.Diagnostic == true), r => Assert.Null(r.Speedup));
        Assert.Contains(records, r => r.Kernel == KernelNames.MaxKForward && r.Speedup == 4);
        var derived = DerivedMetrics.Apply(FloorResults.Create() with { Cases = [.. records.Select(r => r with { Speedup = 9, SpeedupBaseline = "x" })] });
        Assert.All(derived.Cases.Where(r => r.Diagnostic == true), r => Assert.Equal((null, (string?)null), (r.Speedup, r.SpeedupBaseline)));
        Assert.Contains(derived.Cases, r => r.Kernel == KernelNames.MaxKBackward && r.Speedup == 4);
    }

    [Fact]
    public void TheDeviceCopyGetsNoSpeedupAfterAMergeEither()
    {
        // The copy is a bandwidth probe, not an SpMM: the benchmark never gave it a speed-up, the merge path once did.
        var records = KernelTestData.GpuPlan(Options, "tiny-uniform").Select(c => Timed(c, c.Kernel == KernelNames.CuSparseSpmmAlg2 ? 8 : 2)).ToList();
        var derived = DerivedMetrics.Apply(FloorResults.Create() with { Cases = [.. records] });
        var copy = Assert.Single(derived.Cases, r => r.Kernel == KernelNames.DeviceCopy);
        Assert.Equal((null, (string?)null), (copy.Speedup, copy.SpeedupBaseline));
        Assert.False(KernelNames.HasSpeedup(KernelNames.DeviceCopy));
        Assert.False(KernelNames.IsSpmm(KernelNames.DeviceCopy));
        Assert.True(KernelNames.IsSpmm(KernelNames.CuSparseSpmmAlg2));
        Assert.False(KernelNames.HasSpeedup(KernelNames.CuSparseSpmmAlg2));
    }

    [Fact]
    public void TheSummaryTableListsFloorsApartAndDoesNotCountThem()
    {
        var records = KernelTestData.GpuPlan(Options, "tiny-uniform")
            .Select(c => Timed(c, c.Kernel == KernelNames.MaxKForwardFloor ? 0.123 : 1, KernelNames.IsDiagnostic(c.Kernel) ? FloorTuning.NotVerifiable : null)).ToList();
        var log = new StringWriter();
        KernelSummaryTable.Write(log, records);
        var text = log.ToString();
        var floors = records.Count(r => r.Diagnostic == true);
        Assert.Equal(4, floors);
        Assert.Contains($"{records.Count - floors} GPU cases, 0 failed", text);
        var split = text.IndexOf(KernelNames.FloorLabel, StringComparison.Ordinal);
        Assert.True(split > 0, text);
        Assert.DoesNotContain("_floor", text[..split]);
        Assert.Contains("0.123", text[split..]);
        Assert.Contains("lower bounds of the kernels, not results", text);
        Assert.Contains("diagnostic: ", KernelRecords.Status(records.First(r => r.Diagnostic == true)));
    }

    [Fact]
    public void TheSchemaAcceptsFloorsOnlyAsDiagnosticUnverifiedCasesWithoutSpeedup()
    {
        using var dir = new ScratchFolder();
        var good = dir.File("good.json");
        File.WriteAllText(good, ResultJson.Serialize(FloorResults.Create()));
        Assert.Empty(ResultSchemaValidator.Validate(good));

        string Variant(string name, Action<JsonObject> change)
        {
            var json = JsonNode.Parse(File.ReadAllText(good))!;
            change(json["cases"]!.AsArray().Select(c => c!.AsObject()).First(c => c["kernel"]!.GetValue<string>() == KernelNames.MaxKForwardFloor));
            var path = dir.File(name);
            File.WriteAllText(path, json.ToJsonString());
            return path;
        }
        Assert.NotEmpty(ResultSchemaValidator.Validate(Variant("no-flag.json", c => c.Remove("diagnostic"))));
        Assert.NotEmpty(ResultSchemaValidator.Validate(Variant("verified.json", c => c["verified"] = true)));
        Assert.NotEmpty(ResultSchemaValidator.Validate(Variant("speedup.json", c => c["speedup"] = 2.0)));
        Assert.NotEmpty(ResultSchemaValidator.Validate(Variant("real-kernel.json", c => c["kernel"] = KernelNames.MaxKForward)));
        // A non-diagnostic case that failed verification still must not carry a time.
        Assert.NotEmpty(ResultSchemaValidator.Validate(Variant("not-diagnostic.json", c => c["diagnostic"] = false)));
    }

    [Fact]
    public void SuitesRunFloorsOnlyWhenListedAndNameAMisspeltKernelByLine()
    {
        const string suite = """
            {
              "suite": "t",
              "sections": [
                { "name": "g", "kind": "kernel", "requires": "cuda", "graphs": ["tiny-uniform"], "ks": [16] }
              ]
            }
            """;
        var plain = SuiteFileReader.Parse(Encoding.UTF8.GetBytes(suite), "t.json");
        Assert.DoesNotContain(plain.Sections[0].Kernel!.Kernels, KernelNames.IsDiagnostic);
        var listed = SuiteFileReader.Parse(Encoding.UTF8.GetBytes(suite.Replace("\"ks\": [16]", "\"ks\": [16], \"kernels\": [\"maxk_forward\", \"maxk_forward_floor\"]", StringComparison.Ordinal)), "t.json");
        var cases = SuiteExpander.Expand(listed, null).Cases.OfType<KernelSuiteCase>().Select(c => c.Case.Kernel).ToList();
        Assert.Equal([KernelNames.MaxKForward, KernelNames.MaxKForwardFloor], cases);
        var ex = Assert.Throws<SuiteFormatException>(() => SuiteFileReader.Parse(
            Encoding.UTF8.GetBytes(suite.Replace("\"ks\": [16]", "\"ks\": [16],\n      \"kernels\": [\"maxk_forwrd_floor\"]", StringComparison.Ordinal)), "suites/t.json"));
        Assert.Equal(("suites/t.json", 5, "sections[0].kernels[0]"), (ex.File, ex.Line, ex.Field));
        Assert.Contains("maxk_forward_floor", ex.Message);
        // The committed suites measure the floors on the graphs and k of the real kernels (the sections on real datasets,
        // dataset:..., measure the kernels alone: the floors serve the Reddit-scale ceiling analysis).
        foreach (var name in new[] { "default", "paper", "floor" })
        {
            var planned = SuiteExpander.Expand(SuiteCatalog.Load(name), null).Cases.OfType<KernelSuiteCase>().Select(c => c.Case)
                .Where(c => c.Implementation == KernelNames.MaxkNative && !c.Graph.StartsWith("dataset:", StringComparison.Ordinal)).ToList();
            var real = planned.Where(c => c.Kernel == KernelNames.MaxKForward).Select(c => (c.Graph, c.K, c.Dim)).Order().ToList();
            Assert.NotEmpty(real);
            Assert.Equal(real, planned.Where(c => c.Kernel == KernelNames.MaxKForwardFloor).Select(c => (c.Graph, c.K, c.Dim)).Order().ToList());
            Assert.Equal(real, planned.Where(c => c.Kernel == KernelNames.MaxKBackwardFloor).Select(c => (c.Graph, c.K, c.Dim)).Order().ToList());
        }
    }
}
