using System.Text.Json;

namespace MaxK.Tests.Site;

/// <summary>The pages, tables, charts and downloads of a site rendered from the committed results plus the fixtures.</summary>
public sealed class SiteStructureTests(RenderedSiteFixture rendered) : IClassFixture<RenderedSiteFixture>
{
    private readonly string _site = rendered.Folder;

    private string Page(string path) => File.ReadAllText(Path.Combine(_site, path));

    [Fact]
    public void HasEveryPageAndOneRunPagePerResultFile()
    {
        foreach (var page in new[] { "index.html", "kernels.html", "training.html", "downloads.html", "compare/index.html", "assets/site.css" })
            Assert.True(File.Exists(Path.Combine(_site, page)), page);
        var resultFiles = Directory.GetFiles(SiteTestData.CommittedResults, "*.json", SearchOption.AllDirectories).Count(f => !f.Contains("schema", StringComparison.Ordinal))
            + Directory.GetFiles(SiteTestData.FixtureResults, "*.json", SearchOption.AllDirectories).Length;
        Assert.Equal(resultFiles, Directory.GetFiles(Path.Combine(_site, "runs"), "*.html").Length);
        Assert.Equal(resultFiles, Directory.GetFiles(Path.Combine(_site, "data", "runs"), "*.json").Length);
    }

    [Fact]
    public void IndexHasAHeadlineTablePerGpuWithThePapersNumbersAndHonestTrainingStatus()
    {
        var index = Page("index.html");
        Assert.Contains("<h2>NVIDIA H200 ", index);
        Assert.Contains("<h2>Fixture GPU (test data) ", index);
        Assert.Contains("id=\"table-index-gpu-NVIDIA-H200-kernel-headline\"", index);
        Assert.Contains("kernel-Reddit (synthetic)", index);
        Assert.Contains("5.60×", index); // paper: Reddit forward vs cuSPARSE at k = 16 (design §6.4)
        Assert.Contains("id=\"table-index-gpu-NVIDIA-H200-e2e\"", index); // the committed H200 training campaign
        Assert.Contains("id=\"table-index-gpu-Fixture-GPU--test-data-e2e\"", index);
        Assert.Contains("How to reproduce", index);
        Assert.Contains("./build.sh Site", index);
        Assert.Contains("3.22× / 4.24×", index);
    }

    [Fact]
    public void EndToEndRowCarriesAmdahlFromTheSameRunAndAccuracyParity()
    {
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_site, "data", "tables", "index-gpu-Fixture-GPU--test-data-e2e.json")));
        var k16 = json.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("k").GetInt32() == 16);
        // Fixture (second run, scale 0.9): baseline p = 73.8/90 = 0.82, s = 73.8/15.3, measured 90/33.3.
        Assert.Equal(1 / 0.18, k16.GetProperty("Amdahl limit").GetDouble(), 9);
        Assert.Equal(90 / 33.3, k16.GetProperty("vs cuSPARSE ReLU").GetDouble(), 9);
        Assert.Equal(117 / 33.3, k16.GetProperty("vs GNNAdvisor-style ReLU (own decider)").GetDouble(), 9);
        Assert.Equal(0.9641 - 0.9650, k16.GetProperty("Δ metric (converged seeds; paper's on the claims page)").GetDouble(), 9);
        Assert.Equal(3.22, k16.GetProperty("paper vs DGL (A100)").GetDouble());
        Assert.Equal(90 / 33.3 * 0.18, k16.GetProperty("share of limit").GetDouble(), 9);
        Assert.StartsWith("Fixture_GPU/2026-01-02_f1e70001/", k16.GetProperty("run").GetString());   // the newest headline run
    }

    [Fact]
    public void KernelPageHasChartsPerGraphAndBandwidthStatus()
    {
        var kernels = Page("kernels.html");
        Assert.Contains("id=\"chart-NVIDIA-H200-k-kernel-Reddit\"", kernels);
        Assert.Contains("id=\"chart-NVIDIA-H200-size-k32\"", kernels);
        Assert.Contains("id=\"chart-NVIDIA-H200-gbps-k32\"", kernels);
        Assert.Contains("Measured device bandwidth: <strong>4123.5 GB/s</strong>", kernels); // fixture
        Assert.Matches("Measured device bandwidth: <strong>[0-9]{3,4}\\.[0-9] GB/s</strong>[^<]*(<[^>]*>[^<]*){0,40}", kernels);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(kernels, "Measured device bandwidth:")); // H200 (device_copy) and the fixture
        Assert.Contains("cuSPARSE at width k", kernels);
        Assert.Contains("ALG3 at D", kernels);
        Assert.Contains("<title id=\"chart-NVIDIA-H200-size-k32-t\">Median time against graph size, k = 32, D = 256</title>", kernels);
        Assert.Contains("median time (ms, log scale)", kernels);
    }

    [Fact]
    public void TrainingPageHasBreakdownAmdahlAccuracyAndPyg()
    {
        var training = Page("training.html");
        Assert.Contains("Epoch time by phase: csbm-reddit · sage · hidden 256 · 3 layers · seed 97", training); // H200 campaign
        Assert.Contains("Epoch time by phase: reddit · sage", training);
        Assert.Contains("Speed-up against k: reddit · sage", training);
        Assert.Contains("Amdahl prediction", training);
        Assert.Contains("Test accuracy against k: reddit · sage", training);
        Assert.Contains("PyG beside us", training);
        Assert.Contains("maxk k=16 · maxk failed: fixture failure: out of memory", training);
    }

    [Fact]
    public void RunPageShowsProvenanceVerificationAndCommands()
    {
        var run = Page("runs/NVIDIA_H200_2026-11-29_1e2b68b8_kernels-24-graph-presets-part1.html");
        Assert.Contains("<dt>native_library_sha256</dt>", run);
        Assert.Contains("<dt>gpu_timing</dt>", run);
        Assert.Contains("90 of 90 kernel case(s) verified before timing", run);
        Assert.Contains("323 tests: 323 passed, 0 failed", run);
        Assert.Contains("git checkout 1e2b68b807b539bddb6207c922e98241ba256ad7", run);
        Assert.Contains("kernels --graph kernel-am,", run);
    }

    [Fact]
    public void ComparePagesColourDeltasAndLinkThePreviousRun()
    {
        var index = Page("compare/index.html");
        const string pair = "compare/Fixture_GPU_2026-01-01_f1e70000_training-fixture__vs__Fixture_GPU_2026-01-02_f1e70001_training-fixture.html";
        Assert.Contains(pair, index);
        var page = Page(pair);
        Assert.Contains("<td class=\"better\">−10.0 %</td>", page);
        Assert.Contains("B faster", page);
        Assert.Contains("Training records in both runs", page);
    }

    [Fact]
    public void EveryTableHasCsvAndJsonDownloads()
    {
        var downloads = Page("downloads.html");
        var tables = Directory.GetFiles(Path.Combine(_site, "data", "tables"), "*.json");
        Assert.True(tables.Length > 20);
        foreach (var json in tables)
        {
            var csv = Path.ChangeExtension(json, ".csv");
            Assert.True(File.Exists(csv), csv);
            var doc = JsonDocument.Parse(File.ReadAllText(json));
            var columns = doc.RootElement.GetProperty("columns").GetArrayLength();
            var rows = doc.RootElement.GetProperty("rows").GetArrayLength();
            Assert.Equal(rows + 1, File.ReadAllLines(csv).Length);
            Assert.True(columns > 0);
            Assert.Contains($"data/tables/{Path.GetFileName(json)}", downloads);
        }
    }

    [Fact]
    public void EveryPageIsCompleteEvenWithLargeTables()
    {
        foreach (var file in Directory.GetFiles(_site, "*.html", SearchOption.AllDirectories))
            Assert.True(File.ReadAllText(file).TrimEnd().EndsWith("</html>", StringComparison.Ordinal), $"{file} is truncated");
        // The 432-row table of every case is a download, not part of the kernel page.
        Assert.DoesNotContain("id=\"table-kernels-gpu-NVIDIA-H200-cases\"", Page("kernels.html"));
        Assert.Contains("data/tables/kernels-gpu-NVIDIA-H200-cases.csv", Page("kernels.html"));
        Assert.Contains("data/tables/kernels-gpu-NVIDIA-H200-cases.csv", Page("downloads.html"));
        Assert.True(File.ReadAllLines(Path.Combine(_site, "data", "tables", "kernels-gpu-NVIDIA-H200-cases.csv")).Length > 400);
    }

    [Fact]
    public void NoExternalUrlsOrScripts()
    {
        foreach (var file in Directory.GetFiles(_site, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(file);
            // Result text may quote a URL (an error message), escaped; nothing may load or link to one.
            foreach (var attribute in new[] { "href=\"http", "src=\"http", "url(http", "href=\"//", "src=\"//", "<script" })
                Assert.DoesNotContain(attribute, html, StringComparison.OrdinalIgnoreCase);
        }
    }
}
