using System.Text.Json.Nodes;
using MaxK.Harness.Analysis;
using MaxK.Harness.Results;
using MaxK.Tests.Site;

namespace MaxK.Tests.Harness;

/// <summary>
/// `maxk results validate` beyond the schema, on the site fixture (kernel cases with speed-ups, training records with
/// Amdahl fields). At c08d25c every mutation below validated, and a case with verified false and a time was reported
/// only as "Required properties ["diagnostic"] are not present" on every case.
/// </summary>
public class ResultConsistencyTests
{
    private static readonly string Fixture = Path.Combine(SiteTestData.FixtureResults, "Fixture_GPU", "2026-01-01_f1e70000", "training-fixture.json");

    /// <summary>Validates the fixture after <paramref name="change"/>; returns the problems as one text.</summary>
    private static string Problems(Action<JsonNode> change)
    {
        using var dir = new ScratchFolder();
        var json = JsonNode.Parse(File.ReadAllText(Fixture))!;
        change(json);
        File.WriteAllText(dir.File("r.json"), json.ToJsonString());
        return string.Join("\n", ResultValidation.Validate(dir.File("r.json")));
    }

    [Fact]
    public void TheFixtureItselfIsValid() => Assert.Empty(Problems(_ => { }));

    [Fact]
    public void AnUnverifiedCaseWithATimeNamesTheTimeNotTheIfBranch()
    {
        var problems = Problems(j => j["cases"]![0]!["verified"] = false);
        Assert.Contains("at '/cases/0/median_ms': type:", problems);
        Assert.Contains("(required where {\"properties\":{\"verified\":{\"const\":false}", problems);
        Assert.DoesNotContain("diagnostic\"] are not present", problems);
        Assert.Single(problems.Split('\n'));
    }

    [Theory]
    [InlineData("min_ms", -1.0, "cases[0] ('cusparse_spmm_alg2_cusparse_fp32_dim256_fixture-graph'): min_ms is negative (-1)")]
    [InlineData("median_ms", 99.0, "median_ms 99 is above max_ms 24.885")]
    [InlineData("min_ms", 23.8, "min_ms 23.8 is above median_ms 23.7")]
    [InlineData("median_ci95_low_ms", 23.71, "median_ci95_low_ms 23.71 is above median_ms 23.7")]
    public void TimesOutOfOrderOrNegativeAreNamed(string field, double value, string expected) =>
        Assert.Contains(expected, Problems(j => j["cases"]![0]![field] = value));

    [Fact]
    public void AForgedKernelSpeedupIsNamedWithTheMediansItContradicts()
    {
        var problems = Problems(j => j["cases"]![3]!["speedup"] = 20.0);
        Assert.Contains("cases[3] ('maxk_forward_maxk_native_fp32_k16_dim256_fixture-graph'): speedup 20 does not match "
            + "cusparse_spmm_alg2_cusparse_fp32_dim256_fixture-graph's median_ms / median_ms = 8.333333333333334", problems);
    }

    [Fact]
    public void ASpeedupWithoutItsBaselineIsNamed() =>
        Assert.Contains("names no kernel case of this file as its speedup_baseline ('nope')", Problems(j => j["cases"]![3]!["speedup_baseline"] = "nope"));

    [Theory]
    [InlineData("speedup", 9.0, "9")]
    [InlineData("kernel_speedup", 9.0, "9")]
    [InlineData("amdahl_limit", 9.0, "9")]
    [InlineData("amdahl_prediction", 9.0, "9")]
    [InlineData("amdahl_attainment", 0.99, "0.99")]
    public void ForgedTrainingFiguresAreNamed(string field, double value, string written) =>
        Assert.Contains($"training[2] ('train/reddit/sage/maxk-k8/maxk/seed1'): {field} {written} does not match", Problems(j => j["training"]![2]![field] = value));

    [Fact]
    public void AnIdUsedTwiceOrInBothSectionsIsNamed()
    {
        Assert.Contains("id 'cusparse_spmm_alg2_cusparse_fp32_dim256_fixture-graph' is used by cases[0] and cases[1]",
            Problems(j => j["cases"]![1]!["id"] = "cusparse_spmm_alg2_cusparse_fp32_dim256_fixture-graph"));
        Assert.Contains("id 'train/reddit/gcn/maxk-k16/maxk/seed1' is used by cases[0] and training[8]",
            Problems(j => j["cases"]![0]!["id"] = "train/reddit/gcn/maxk-k16/maxk/seed1"));
    }

    [Fact]
    public void AKeyGivenTwiceIsNamedWithItsLine()
    {
        using var dir = new ScratchFolder();
        var text = File.ReadAllText(Fixture);
        var at = text.IndexOf("\"median_ms\": 23.7,", StringComparison.Ordinal);
        File.WriteAllText(dir.File("r.json"), text.Insert(at, "\"median_ms\": 2.37,\n      "));
        var line = text[..at].Count(c => c == '\n') + 2; // the second median_ms is the original one, a line down
        var problem = Assert.Single(ResultValidation.Validate(dir.File("r.json")));
        Assert.Contains($"line {line}: key 'median_ms' is given twice in cases[0]", problem);
    }

    [Fact]
    public void AByteOrderMarkIsTolerated()
    {
        using var dir = new ScratchFolder();
        File.WriteAllBytes(dir.File("r.json"), [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(Fixture)]);
        Assert.Empty(ResultValidation.Validate(dir.File("r.json")));
        Assert.NotEmpty(ResultJson.Read(dir.File("r.json")).Cases);
    }

    [Fact]
    public void ValidatingAnEmptyFolderIsAUserError()
    {
        using var dir = new ScratchFolder();
        var line = Cli.AssertUserError(Cli.Run("results", "validate", dir.Path));
        Assert.Contains("No result files (*.json)", line);
    }

    [Fact]
    public void TheCommandExitsOneAndSaysWhichFileFailed()
    {
        using var dir = new ScratchFolder();
        var json = JsonNode.Parse(File.ReadAllText(Fixture))!;
        json["cases"]![3]!["speedup"] = 20.0;
        File.WriteAllText(dir.File("forged.json"), json.ToJsonString());
        File.Copy(Fixture, dir.File("good.json"));
        var (exit, output, _) = Cli.Run("results", "validate", dir.Path);
        Assert.Equal(1, exit);
        Assert.Contains("forged.json: cases[3]", output);
        Assert.Contains("1 of 2 result file(s) valid", output);
    }
}
