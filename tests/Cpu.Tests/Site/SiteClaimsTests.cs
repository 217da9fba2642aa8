using System.Text.Json;
using System.Text.RegularExpressions;
using MaxK.Harness.Analysis;
using MaxK.Harness.Analysis.Claims;
using MaxK.Harness.Cli;
using MaxK.Harness.Paper;
using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Site;
using MaxK.Tests.Support;

namespace MaxK.Tests.Site;

/// <summary>
/// The site rendered from the two-GPU fixture (<see cref="ClaimsFixture"/>): the claims page and its downloads, the same
/// rows as <c>maxk analyze --claims</c>, both GPUs side by side, and no headline cell from a diagnostic or probe run.
/// </summary>
public sealed partial class SiteClaimsTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();
    private readonly string _results;
    private readonly string _site;

    public SiteClaimsTests()
    {
        _results = ClaimsFixture.WriteFolder(_scratch.File("results"));
        _site = _scratch.File("site");
        SiteRenderer.Render(_results, SiteTestData.SiteSources, _site, new StringWriter());
    }

    public void Dispose() => _scratch.Dispose();

    private string Page(string path) => File.ReadAllText(Path.Combine(_site, path));

    private JsonElement Rows(string table) => JsonDocument.Parse(Page($"data/tables/{table}.json")).RootElement.GetProperty("rows");

    [Fact]
    public void TheClaimsPageHasARowPerClaimWithThePapersGpuAndBothOfOurs()
    {
        var claims = Page("claims.html");
        var rows = ClaimRowIds().Matches(claims).Select(m => m.Groups[1].Value).ToList();
        Assert.True(rows.Count >= 10, $"{rows.Count} claim rows");
        Assert.Contains("<th>paper (A100)</th>", claims);
        Assert.Contains("<th>ours H100</th><th>ours H200</th>", claims);
        Assert.Contains("released code (H100 · H200)", claims);
        Assert.Contains("<strong>NVIDIA H100 80GB HBM3</strong> and <strong>NVIDIA H200</strong>", claims);
        Assert.Contains("href=\"data/claims.json\"", claims);
        // The page, claims.json and claims.csv hold the same rows in the same order.
        using var json = JsonDocument.Parse(Page(ClaimsPageJson));
        Assert.Equal(rows, json.RootElement.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList());
        Assert.Equal(rows, Page("data/claims.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).ToList());
        Assert.Contains("data/claims.json", Page("downloads.html"));
    }

    private const string ClaimsPageJson = "data/claims.json";

    [Fact]
    public void AnalyzeClaimsPrintsAndWritesTheSameRowsFromTheSameComputation()
    {
        var output = new StringWriter();
        Assert.Equal(0, MaxkCli.Run(["analyze", "--claims", _results, "--json", _scratch.File("claims.json"), "--csv", _scratch.File("claims.csv")], output, output));
        var text = output.ToString();
        using var site = JsonDocument.Parse(Page(ClaimsPageJson));
        using var cli = JsonDocument.Parse(File.ReadAllText(_scratch.File("claims.json")));
        var a = site.RootElement.GetProperty("claims").EnumerateArray().ToList();
        var b = cli.RootElement.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            foreach (var field in new[] { "id", "claim", "paper_value", "ours", "released", "ratio_ours_paper", "verdict", "verdicts", "cause", "data" })
                Assert.Equal(a[i].GetProperty(field).GetRawText(), b[i].GetProperty(field).GetRawText());
        }
        var report = ClaimsBuilder.Build([.. ClaimsFixture.Files().Select(f => new AnalysisRun(f.Path, f.Result))], PaperNumbers.Embedded());
        Assert.Contains(string.Join(", ", report.Counts.Select(c => $"{c.Count} {c.Verdict.Word()}")), text);
        var lines = text.Split('\n');
        var printed = report.Rows.Select(r => Array.FindIndex(lines, l => l.StartsWith(r.Claim.Length <= 86 ? r.Claim : r.Claim[..85], StringComparison.Ordinal))).ToList();
        Assert.All(printed, i => Assert.True(i >= 0));
        Assert.Equal(printed.Order().ToList(), printed);                                  // in the page's order
        Assert.Equal(report.Rows.Count + 1, File.ReadAllLines(_scratch.File("claims.csv")).Length);
    }

    [Fact]
    public void TheClaimsPageIsTheFirstLinkOfTheIndexAndTheNavigation()
    {
        var index = Page("index.html");
        var main = index[index.IndexOf("<main>", StringComparison.Ordinal)..];
        Assert.StartsWith("claims.html", Href().Match(main).Groups[1].Value, StringComparison.Ordinal);
        var nav = index[index.IndexOf("<nav>", StringComparison.Ordinal)..];
        Assert.Equal("claims.html", Href().Match(nav).Groups[1].Value);
        Assert.Contains("id=\"claim-e2e-reddit-sage-k16-vs-dgl\"", index);               // the verdict in brief
    }

    [Fact]
    public void NoHeadlineCellComesFromADiagnosticOrProbeRun()
    {
        var roles = Rows("index-runs").EnumerateArray().ToDictionary(r => r.GetProperty("run").GetString()!, r => r.GetProperty("role").GetString()!);
        Assert.Contains(roles.Values, r => r == "diagnostic");
        Assert.Contains(roles.Values, r => r == "probe");
        var headlineTables = Directory.GetFiles(Path.Combine(_site, "data", "tables"), "index-gpu-*.json")
            .Where(f => Regex.IsMatch(Path.GetFileName(f), "-(kernel-headline|kernel-gnnadvisor|kernel-geomean|e2e)\\.json$")).ToList();
        Assert.Equal(2 * 4, headlineTables.Count);                                     // four headline tables per GPU
        var sentinels = ClaimsFixture.Sentinels.Concat(ClaimsFixture.Sentinels.Select(s => 99.9 / s)).Concat(ClaimsFixture.Sentinels.Select(s => 111.1 / s)).ToList();
        var cells = 0;
        foreach (var file in headlineTables)
        {
            var rows = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("rows").EnumerateArray().ToList();
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                foreach (var cell in row.EnumerateObject())
                {
                    cells++;
                    if (cell.Name == "run")
                        Assert.Equal("headline", roles[cell.Value.GetString()!]);
                    if (cell.Value.ValueKind == JsonValueKind.Number)
                        Assert.DoesNotContain(sentinels, s => Math.Abs(s - cell.Value.GetDouble()) < 1e-9);
                }
            }
        }
        Assert.True(cells > 50);
        // One row per configuration: the kernel headline has one row per graph and k, the end-to-end one per configuration.
        var kernel = Rows("index-gpu-NVIDIA-H200-kernel-headline").EnumerateArray().Select(r => (r.GetProperty("graph").GetString(), r.GetProperty("k").GetInt32())).ToList();
        Assert.Equal(kernel.Distinct().Count(), kernel.Count);
        Assert.Equal(4, kernel.Count);                                                  // kernel-Reddit and kernel-ogbn-proteins at k = 16 and 32
        var e2e = Rows("index-gpu-NVIDIA-H100-80GB-HBM3-e2e").EnumerateArray().Select(r => (r.GetProperty("dataset").GetString(), r.GetProperty("k").GetInt32())).ToList();
        Assert.Equal(e2e.Distinct().Count(), e2e.Count);
        // The probe and the floor run's training still appear, apart, on the training page.
        var training = Page("training.html");
        Assert.Contains("diagnostic and probe runs", training);
        Assert.Contains("2027-01-01_c1a10007/train-probe", training);
    }

    [Fact]
    public void BothGpusAreSideBySideAndTheGnnAdvisorBaselineIsLabelled()
    {
        var gpus = Rows("index-gpus").EnumerateArray().Select(r => r.GetProperty("GPU").GetString()).ToList();
        Assert.Equal([ClaimsFixture.H100, ClaimsFixture.H200], gpus);
        var h200 = Rows("index-gpu-NVIDIA-H200-kernel-gnnadvisor").EnumerateArray().First(r => r.GetProperty("graph").GetString() == "kernel-Reddit" && r.GetProperty("k").GetInt32() == 16);
        Assert.Equal("best of sweep", h200.GetProperty("GNNAdvisor-style baseline").GetString());
        Assert.Equal(36.0 / 3.0, h200.GetProperty("forward vs GNNAdvisor-style").GetDouble(), 12);
        Assert.Equal(36.0 / 24.0, h200.GetProperty("GNNAdvisor / cuSPARSE time").GetDouble(), 12);
        Assert.Equal(7.7 / 5.6, h200.GetProperty("paper (A100)").GetDouble(), 12);
        var h100 = Rows("index-gpu-NVIDIA-H100-80GB-HBM3-kernel-gnnadvisor").EnumerateArray().First();
        Assert.Equal("own decider", h100.GetProperty("GNNAdvisor-style baseline").GetString());
    }

    [Fact]
    public void PeerFailuresAreLabelledAsPeerFailuresNotVerificationFailures()
    {
        var run = Page("runs/NVIDIA_H200_2027-01-01_c1a10004_peers.html");
        Assert.Contains("<p class=\"ok\">0 of 0 kernel case(s) verified before timing; 1 of 1 training record(s) verified.</p>", run);
        Assert.Contains("1 timed, 1 failed to run (peer failures, not verification failures)", run);
        Assert.Contains("peer failed to run: HarnessException: pyg_train.py exited with code 1: torch.OutOfMemoryError: CUDA out of memory.", run);
        Assert.DoesNotContain("<ul class=\"fail\">", run);
        var released = Page("runs/NVIDIA_H200_2027-01-01_c1a10005_released-kernels.html");
        Assert.Contains("<p class=\"ok\">2 of 2 kernel case(s) verified", released);
        Assert.Contains("2 timed, 0 failed to run", released);
        var runs = Rows("index-runs").EnumerateArray().Single(r => r.GetProperty("run").GetString() == "NVIDIA_H200/2027-01-01_c1a10004/peers.json");
        Assert.Equal(0, runs.GetProperty("failed").GetInt32());
        // The PyG bar has its height: one "whole epoch" segment of 243 ms.
        Assert.Contains("relu · pyg (no phases): whole epoch (no phase breakdown) 243.000 ms", Page("training.html"));
    }

    [Fact]
    public void UnconvergedRunsAreMarkedAndSinglePointChartsAreTables()
    {
        var training = Page("training.html");
        Assert.Contains("<strong>Unconverged</strong>", training);
        Assert.Contains("maxk k=16 · maxk: still improving at epoch 300", training);
        Assert.Contains("class=\"chart-table\"", training);                              // seed 2: one k only
        Assert.DoesNotContain("PyG was not measured in this setting", training);
    }

    [GeneratedRegex("<tr id=\"claim-([^\"]+)\"")]
    private static partial Regex ClaimRowIds();

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
