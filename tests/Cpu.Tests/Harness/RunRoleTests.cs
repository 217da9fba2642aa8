using System.Text.Json.Nodes;
using MaxK.Harness.Cli;
using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Kernels;
using MaxK.Harness.Suites;
using MaxK.Tests.Support;

namespace MaxK.Tests.Harness;

/// <summary>Run roles (suite files, manifests, the mapping for files without one), timing protocols and the released peer records in the schema.</summary>
public class RunRoleTests
{
    [Theory]
    [InlineData("default", RunRole.Headline)]
    [InlineData("paper", RunRole.Headline)]
    [InlineData("kernels", RunRole.Headline)]
    [InlineData("accuracy", RunRole.Headline)]
    [InlineData("accuracy-seeds", RunRole.Headline)]
    [InlineData("peers", RunRole.Headline)]
    [InlineData("released-kernels", RunRole.Headline)]
    [InlineData("floor", RunRole.Diagnostic)]
    [InlineData("train", RunRole.Probe)]
    [InlineData("smoke", RunRole.Probe)]
    [InlineData("accuracy-probes", RunRole.Probe)]
    [InlineData("something-new", RunRole.Probe)]
    public void FilesWithoutARoleTakeItFromTheSuiteName(string suite, RunRole role) => Assert.Equal(role, RunRoles.ForSuite(suite));

    [Fact]
    public void TheCommittedResultsHaveTheRolesTheirSuitesImply()
    {
        var roles = ResultSchemaValidator.ResultFiles(Site.SiteTestData.CommittedResults)
            .Select(f => (File: Path.GetFileName(f), Role: ResultJson.Read(f).Manifest.EffectiveRole)).ToList();
        Assert.Contains(roles, r => r.File == "floor.json" && r.Role == RunRole.Diagnostic);
        Assert.Contains(roles, r => r.File == "default.json" && r.Role == RunRole.Headline);
        Assert.All(roles.Where(r => r.File.StartsWith("train-", StringComparison.Ordinal)), r => Assert.Equal(RunRole.Probe, r.Role));
    }

    [Theory]
    [InlineData("default", RunRole.Headline)]
    [InlineData("paper", RunRole.Headline)]
    [InlineData("accuracy", RunRole.Headline)]
    [InlineData("accuracy-seeds", RunRole.Headline)]
    [InlineData("peers", RunRole.Headline)]
    [InlineData("floor", RunRole.Diagnostic)]
    [InlineData("smoke", RunRole.Probe)]
    public void EverySuiteFileStatesItsRole(string suite, RunRole role)
    {
        var definition = SuiteCatalog.Load(suite);
        Assert.Equal(role, definition.Role);
        Assert.Contains("\"role\"", File.ReadAllText(definition.File));
    }

    [Fact]
    public void ASuiteFileRoleIsReadAndAWrongOneIsAnErrorNamingTheLine()
    {
        const string suite = """
            { "suite": "mine", "role": "diagnostic", "sections": [ { "name": "k", "kind": "kernel", "graphs": ["tiny-uniform"], "ks": [8] } ] }
            """;
        Assert.Equal(RunRole.Diagnostic, SuiteFileReader.Parse(System.Text.Encoding.UTF8.GetBytes(suite), "mine.json").Role);
        Assert.Equal(RunRole.Probe, SuiteFileReader.Parse(System.Text.Encoding.UTF8.GetBytes(suite.Replace("\"role\": \"diagnostic\", ", "", StringComparison.Ordinal)), "mine.json").Role);
        var error = Assert.Throws<SuiteFormatException>(() => SuiteFileReader.Parse(System.Text.Encoding.UTF8.GetBytes(suite.Replace("diagnostic", "headliner", StringComparison.Ordinal)), "mine.json"));
        Assert.Contains("'headliner' is not a role; use headline, diagnostic or probe", error.Message);
    }

    [Fact]
    public void TheManifestWritesTheRoleAsAWordAndAFileWithoutOneReadsAsNull()
    {
        var result = ClaimsFixture.Files().Single(f => f.Path.EndsWith("NVIDIA_H200/2027-01-01_c1a10005/released-kernels.json", StringComparison.Ordinal)).Result;
        var json = ResultJson.Serialize(result);
        Assert.Contains("\"role\": \"headline\"", json);
        Assert.Contains("\"timing_protocol\": \"released-host-mean4\"", json);
        var back = System.Text.Json.JsonSerializer.Deserialize<RunResult>(json, ResultJson.Options)!;
        Assert.Equal(RunRole.Headline, back.Manifest.Role);
        Assert.Equal(TimingProtocol.ReleasedHostMean4, back.Cases[0].TimingProtocol);
        var plain = FloorResults.Create();
        Assert.DoesNotContain("\"role\"", ResultJson.Serialize(plain));   // FloorResults sets none: derived from its suite
        Assert.Equal(RunRole.Headline, plain.Manifest.EffectiveRole);
        // A record without timing_protocol (written before the field existed) reads as the default of its device.
        var old = plain.Cases[0] with { TimingProtocol = null };
        Assert.DoesNotContain("timing_protocol", System.Text.Json.JsonSerializer.Serialize(old, ResultJson.Options));
        Assert.Equal(TimingProtocol.CudaEventsL2Flushed, old.Protocol);
    }

    [Fact]
    public void TheSchemaAcceptsRolesProtocolsAndReleasedPeersAndRejectsWrongOnes()
    {
        using var dir = new ScratchFolder();
        var root = ClaimsFixture.WriteFolder(dir.File("results"));
        var files = ResultSchemaValidator.ResultFiles(root);
        Assert.Equal(14, files.Count);
        Assert.All(files, f => Assert.Empty(ResultSchemaValidator.Validate(f)));
        var released = files.First(f => f.EndsWith("released-kernels.json", StringComparison.Ordinal));

        string Variant(string name, Action<JsonObject> change)
        {
            var json = JsonNode.Parse(File.ReadAllText(released))!.AsObject();
            change(json);
            var path = dir.File(name);
            File.WriteAllText(path, json.ToJsonString());
            return path;
        }
        JsonObject Peer(JsonObject json) => json["cases"]!.AsArray().Select(c => c!.AsObject()).First(c => c["implementation"]!.GetValue<string>() == KernelNames.MaxkGnnReleased);
        Assert.NotEmpty(ResultSchemaValidator.Validate(Variant("role.json", j => j["manifest"]!["role"] = "headliner")));
        Assert.NotEmpty(ResultSchemaValidator.Validate(Variant("protocol.json", j => j["cases"]![0]!["timing_protocol"] = "stopwatch")));
        Assert.NotEmpty(ResultSchemaValidator.Validate(Variant("peer-verified.json", j => Peer(j)["verified"] = true)));
        Assert.NotEmpty(ResultSchemaValidator.Validate(Variant("peer-protocol.json", j => Peer(j)["timing_protocol"] = "cuda-events-l2-flushed")));
        Assert.NotEmpty(ResultSchemaValidator.Validate(Variant("peer-speedup.json", j => Peer(j)["speedup"] = 3.0)));
    }

    [Fact]
    public void ResultsValidateCountsTheRoles()
    {
        using var dir = new ScratchFolder();
        var root = ClaimsFixture.WriteFolder(dir.File("results"));
        var output = new StringWriter();
        Assert.Equal(0, MaxkCli.Run(["results", "validate", root], output, output));
        Assert.Contains("14 of 14 result file(s) valid", output.ToString());
        Assert.Contains("roles: 10 headline, 2 diagnostic, 2 probe (12 derived from the suite name)", output.ToString());
    }

    [Fact]
    public void PeerRecordsAreNeitherFailuresNorOurs()
    {
        var released = ClaimsFixture.Files().Single(f => f.Path.EndsWith("NVIDIA_H100_80GB_HBM3/2027-01-02_c1a10005/released-kernels.json", StringComparison.Ordinal)).Result;
        var peers = released.Cases.Where(c => c.Peer).ToList();
        Assert.Equal(2, peers.Count);
        Assert.All(peers, p => Assert.False(p.Failed));
        Assert.All(peers, p => Assert.Null(p.Speedup));
        Assert.False((peers[0] with { Error = "crashed" }).Failed);       // a peer that fails is a peer failure, not ours
        Assert.True((peers[0] with { Error = "crashed" }).PeerFailed);
    }
}
