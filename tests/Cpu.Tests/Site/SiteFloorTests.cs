using System.Text.Json;
using MaxK.Harness.Kernels;
using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Site;
using MaxK.Harness.Suites;
using MaxK.Tests.Support;

namespace MaxK.Tests.Site;

/// <summary>
/// The loads-only floor cases on the site (<see cref="FloorResults"/>): never in a headline, speed-up or geo-mean, a
/// labelled row on the kernel page, goal (a) (the measured epoch against the floor-based ceiling) on the training page
/// and the index, not counted as failures.
/// </summary>
public sealed class SiteFloorTests
{
    private static readonly string Anchor = "gpu-" + Html.Slug(FloorResults.Gpu);

    private static string RenderFloors(ScratchFolder scratch, RunResult? result = null) =>
        SiteTestData.Render(scratch, FloorResults.WriteFolder(scratch.File("floor-results"), result));

    private static JsonElement Rows(string site, string table) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(site, "data", "tables", table + ".json"))).RootElement.GetProperty("rows");

    [Fact]
    public void ADiagnosticCaseNeverAppearsInAHeadlineOrGeoMean()
    {
        // Worst case: a floor that carries a speed-up, and a diagnostic record under a headline kernel's name (neither is
        // written by the harness) still stay out of the headline and the geo-means.
        var result = FloorResults.Create();
        var disguised = result.Cases.Where(c => c.Diagnostic == true && c.Graph == "kernel-Reddit")
            .Select(c => c with { Id = c.Id + "_disguised", Kernel = KernelNames.Measured(c.Kernel), Speedup = 99, SpeedupBaseline = result.Cases[0].Id, MedianMs = 0.01 });
        var doctored = result with
        {
            Cases = [.. result.Cases.Select(c => c.Diagnostic == true ? c with { Speedup = 50, SpeedupBaseline = result.Cases[0].Id } : c), .. disguised],
        };
        using var scratch = new ScratchFolder();
        var site = RenderFloors(scratch, doctored);

        var headline = Rows(site, $"index-{Anchor}-kernel-headline");
        Assert.Equal(FloorResults.Graphs.Length, headline.GetArrayLength());              // both stand for the paper's Reddit, k = 16
        foreach (var row in headline.EnumerateArray())
        {
            Assert.Equal(2.80, row.GetProperty("maxk_forward ms").GetDouble());
            Assert.Equal(2.59, row.GetProperty("maxk_backward ms").GetDouble());
            Assert.Equal(23.7 / 2.80, row.GetProperty("forward vs cuSPARSE ALG2").GetDouble(), 9);
        }
        foreach (var g in Rows(site, $"index-{Anchor}-kernel-geomean").EnumerateArray())
        {
            Assert.Contains(g.GetProperty("kernel").GetString(), new[] { KernelNames.MaxKForward, KernelNames.MaxKBackward });
            Assert.Equal(FloorResults.Graphs.Length, g.GetProperty("graphs").GetInt32());
            Assert.True(g.GetProperty("max").GetDouble() < 10, "a floor's speed-up reached a geo-mean");
        }
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.DoesNotContain("_floor", index);
        Assert.DoesNotContain("50.00×", index);
        Assert.DoesNotContain("99.00×", index);
        Assert.DoesNotContain("1.630", index);
    }

    [Fact]
    public void TheKernelPageShowsTheFloorAsALabelledRowBesideTheKernel()
    {
        using var scratch = new ScratchFolder();
        var site = RenderFloors(scratch);
        var kernels = File.ReadAllText(Path.Combine(site, "kernels.html"));
        Assert.Contains(KernelNames.FloorLabel, kernels);
        var floors = Rows(site, $"kernels-{Anchor}-floor").EnumerateArray().ToList();
        Assert.Equal(2 * FloorResults.Graphs.Length, floors.Count);
        var fwd = floors.Single(r => r.GetProperty("graph").GetString() == "reddit-uniform" && r.GetProperty("kernel").GetString() == KernelNames.MaxKForward);
        Assert.Equal((2.80, 1.63), (fwd.GetProperty("kernel median ms").GetDouble(), fwd.GetProperty("floor median ms").GetDouble()));
        Assert.Equal(1.63 / 2.80, fwd.GetProperty("floor / kernel").GetDouble(), 12);
        var cases = Rows(site, $"kernels-{Anchor}-cases").EnumerateArray().Where(r => r.GetProperty("kernel").GetString()!.Contains("_floor", StringComparison.Ordinal)).ToList();
        Assert.Equal(2 * FloorResults.Graphs.Length, cases.Count);
        Assert.All(cases, r =>
        {
            Assert.Contains(KernelNames.FloorLabel, r.GetProperty("kernel").GetString());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("vs cuSPARSE ALG2").ValueKind);
            Assert.Equal(JsonValueKind.Null, r.GetProperty("vs GNNAdvisor-style").ValueKind);
        });
        Assert.All(cases, r => Assert.False(r.GetProperty("verified").GetBoolean()));     // shown as "diagnostic (never verified)" in the download
        Assert.DoesNotContain("_floor k=", kernels);   // no floor series in the speed-up or size charts
    }

    [Fact]
    public void TheTrainingPageShowsGoalAFromTheFloorsBesideTheMeasuredEpoch()
    {
        using var scratch = new ScratchFolder();
        var site = RenderFloors(scratch);
        var training = File.ReadAllText(Path.Combine(site, "training.html"));
        foreach (var page in new[] { "training", "index" })
        {
            var row = Assert.Single(Rows(site, $"{page}-{Anchor}-goal-ceiling").EnumerateArray());
            Assert.Equal(16, row.GetProperty("k").GetInt32());
            Assert.Equal(39.9, row.GetProperty("measured epoch ms").GetDouble(), 9);
            Assert.Equal(33.62, row.GetProperty("floor epoch ms").GetDouble(), 9);
            // Goal (a): floor epoch / measured epoch = 33.62 / 39.9 = 84 %, short of 95 %.
            Assert.Equal(33.62 / 39.9, row.GetProperty("floor / measured").GetDouble(), 9);
            Assert.Equal(0.95, row.GetProperty("target").GetDouble());
            Assert.False(row.GetProperty("met").GetBoolean());
            // p = (68.5 + 68.4) / 159.4 in the fixture: (159.4 − 136.9) / 33.62 = 0.6692.
            Assert.Equal(MaxK.Harness.Analysis.AttainmentCeiling.Of(39.9, 9.92, 7.79, 3, 1.63, 2.18, 159.4, 136.9 / 159.4), row.GetProperty("ceiling (share of Amdahl limit)").GetDouble(), 12);
            Assert.Equal(0.5637, row.GetProperty("measured share of limit").GetDouble(), 3);
        }
        Assert.Contains("goal (a)", training);
        Assert.DoesNotContain("85.00 %", training);
        Assert.DoesNotContain("85 %", training.Replace("“85 % of the Amdahl limit”", "", StringComparison.Ordinal));
    }

    [Fact]
    public void FloorsAreNotFailuresOnTheRunPageOrTheRunList()
    {
        using var scratch = new ScratchFolder();
        var site = RenderFloors(scratch);
        var run = File.ReadAllText(Path.Combine(site, "runs", "Floor_GPU_2026-02-03_f100d000_default.html"));
        var real = FloorResults.Create().Cases.Count(c => c.Diagnostic != true);
        Assert.Contains($"<p class=\"ok\">{real} of {real} kernel case(s) verified before timing (and {2 * FloorResults.Graphs.Length} {KernelNames.FloorLabel} case(s)", run);
        Assert.DoesNotContain("<ul class=\"fail\">", run);
        var runs = Rows(site, "index-runs").EnumerateArray().Single();
        Assert.Equal(0, runs.GetProperty("failed").GetInt32());
    }

    [Fact]
    public void PagesWithFloorsAreDeterministic()
    {
        using var a = new ScratchFolder();
        using var b = new ScratchFolder();
        var first = RenderFloors(a);
        var second = RenderFloors(b);
        foreach (var page in new[] { "index.html", "kernels.html", "training.html" })
            Assert.Equal(File.ReadAllText(Path.Combine(first, page)), File.ReadAllText(Path.Combine(second, page)));
    }
}
