using System.Text.Json.Nodes;
using MaxK.Harness.Cli;
using MaxK.Harness.Results;

namespace MaxK.Tests.Harness;

public class ResultSchemaValidatorTests
{
    private static string RepoResults()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "results", "schema", "maxk-results-1.schema.json")))
                return Path.Combine(dir.FullName, "results");
        }
        throw new InvalidOperationException("results/schema not found above the test binaries");
    }

    [Fact]
    public void EveryCommittedResultFileValidates()
    {
        var files = ResultSchemaValidator.ResultFiles(RepoResults());
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Empty(MaxK.Harness.Analysis.ResultValidation.Validate(f))); // schema and consistency
    }

    private static JsonNode ValidFile()
    {
        var any = ResultSchemaValidator.ResultFiles(RepoResults()).First();
        return JsonNode.Parse(File.ReadAllText(any))!;
    }

    [Fact]
    public void AWrongKernelFailingVerificationMustNotCarryATime()
    {
        using var dir = new ScratchFolder();
        var json = ValidFile();
        var c = json["cases"]![0]!;
        c["verified"] = false; // but median_ms stays a number: a wrong kernel reported as fast
        File.WriteAllText(dir.File("bad.json"), json.ToJsonString());
        var problems = ResultSchemaValidator.Validate(dir.File("bad.json"));
        Assert.NotEmpty(problems);
        Assert.Contains(problems, p => p.Contains("/cases/0/median_ms", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingFixedFieldsAndUnknownKernelsAreReported()
    {
        using var dir = new ScratchFolder();
        var json = ValidFile();
        json["cases"]![0]!.AsObject().Remove("median_ms");
        json["cases"]![1]!["kernel"] = "mystery_kernel";
        File.WriteAllText(dir.File("bad.json"), json.ToJsonString());
        var problems = string.Join("\n", ResultSchemaValidator.Validate(dir.File("bad.json")));
        Assert.Contains("median_ms", problems);
        Assert.Contains("/cases/1/kernel", problems);
    }

    [Fact]
    public void ACorruptFileIsNamedAndTheOthersStillValidate()
    {
        using var dir = new ScratchFolder();
        File.WriteAllText(dir.File("a-good.json"), ValidFile().ToJsonString());
        File.WriteAllText(dir.File("b-corrupt.json"), "{ \"schema\": ");
        var output = new StringWriter();
        var exit = MaxkCli.Run(["results", "validate", dir.Path], output, new StringWriter());
        Assert.Equal(1, exit);
        Assert.Contains("b-corrupt.json: not valid JSON", output.ToString());
        Assert.Contains("1 of 2 result file(s) valid", output.ToString());
    }
}
