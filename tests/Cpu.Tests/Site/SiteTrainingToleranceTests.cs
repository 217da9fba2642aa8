using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;
using MaxK.Harness.Site;

namespace MaxK.Tests.Site;

/// <summary>
/// The site reads training records as the harness's <see cref="TrainingRecord"/>, tolerant of files written before a
/// field was recorded: a missing optional field reads as null (or its default) and the record still renders; a file
/// whose record lacks a field every harness version wrote is skipped with a warning naming the file and the field.
/// </summary>
public sealed class SiteTrainingToleranceTests
{
    private const string Gpu = "Tolerant GPU";

    /// <summary>Fields older committed results lack (before 65610ec: learning_rate, dropout, weight_decay; config; the curves).</summary>
    private static readonly string[] LaterFields = ["learning_rate", "dropout", "weight_decay", "config", "val_curve", "test_curve"];

    private static TrainingRecord Record(string id, string nonlinearity, int? k, string backend, double epochMs, string? baseline = null) => new()
    {
        Id = id, Dataset = "cora", DatasetSynthetic = false, DatasetLabel = "Cora (Planetoid)", Nodes = 2708, Edges = 10556, Features = 1433, Classes = 7,
        Model = "sage", Nonlinearity = nonlinearity, K = k, Hidden = 64, Layers = 2, Epochs = 20, LearningRate = 0.01, Dropout = 0.5, WeightDecay = 5e-4,
        Seed = 1, Device = "cuda", Backend = backend, Implementation = "maxk-bench", Metric = "accuracy", TestAccuracy = 0.8, WarmupEpochs = 2,
        EpochMsSamples = [epochMs], EpochMsMedian = epochMs,
        PhaseMsMedian = new Dictionary<string, double> { ["aggregation_forward"] = 1, ["aggregation_backward"] = 1, ["dense_layers"] = epochMs - 2 },
        AggregationMsMedian = 2, AggregationFraction = 2 / epochMs, ValCurve = [0.7], TestCurve = [0.8], SpeedupBaseline = baseline,
        Speedup = baseline is null ? null : 10 / epochMs, Verified = true, VerificationReference = "cpu-reference", Config = "alg2", Gpu = Gpu,
    };

    private static RunResult Result(params TrainingRecord[] training) => new()
    {
        Manifest = new RunManifest
        {
            Suite = "training", Role = RunRole.Headline, HarnessCommit = new string('b', 40), HarnessDirty = false, Host = "h", Cpu = "c", LogicalCpus = 1, MemoryBytes = 1,
            Os = "o", Dotnet = "d", TorchSharp = "t", Gpu = Gpu, Seed = 1, StartedUtc = DateTimeOffset.UnixEpoch,
        },
        Skipped = [],
        Cases = [],
        Training = training,
    };

    /// <summary>Writes <paramref name="result"/> under results/Tolerant_GPU/run/ after <paramref name="edit"/> changed its JSON; returns the results folder.</summary>
    private static string Write(ScratchFolder scratch, RunResult result, Action<JsonObject> edit, string name = "train.json")
    {
        var json = JsonNode.Parse(ResultJson.Serialize(result))!.AsObject();
        edit(json);
        var results = scratch.File("results");
        AtomicFile.WriteAllText(Path.Combine(results, "Tolerant_GPU", "run", name), json.ToJsonString());
        return results;
    }

    private static void RemoveFromEveryRecord(JsonObject json, IEnumerable<string> fields)
    {
        var names = fields.ToList();
        foreach (var record in json["training"]!.AsArray())
        {
            foreach (var field in names)
                Assert.True(record!.AsObject().Remove(field), $"the serialized record had no '{field}' to remove");
        }
    }

    /// <summary>The snake_case JSON names of <see cref="TrainingRecord"/>'s optional (not C#-required) properties.</summary>
    private static IEnumerable<string> OptionalFields() => typeof(TrainingRecord).GetProperties()
        .Where(p => p.GetCustomAttribute<RequiredMemberAttribute>() is null)
        .Select(p => ResultJson.Options.PropertyNamingPolicy!.ConvertName(p.Name));

    [Fact]
    public void OlderRecordsWithoutTheLaterFieldsReadAsNullAndRender()
    {
        using var scratch = new ScratchFolder();
        var results = Write(scratch, Result(Record("relu", "relu", null, "cusparse", 10), Record("maxk16", "maxk", 16, "maxk", 5, baseline: "relu")),
            json => RemoveFromEveryRecord(json, LaterFields));
        var log = new StringWriter();

        var run = Assert.Single(SiteRunLoader.Load(results, log));
        Assert.Equal("", log.ToString());
        Assert.Equal(2, run.Training.Count);
        Assert.All(run.Training, t =>
        {
            Assert.Null(t.LearningRate);
            Assert.Null(t.Dropout);
            Assert.Null(t.WeightDecay);
            Assert.Null(t.Config);
            Assert.Null(t.ValCurve);
            Assert.Null(t.TestCurve);
        });

        var site = scratch.File("site");
        SiteRenderer.Render(results, SiteTestData.SiteSources, site, log);
        var training = File.ReadAllText(Path.Combine(site, "training.html"));
        Assert.Contains("Epoch time by phase: cora · sage", training);
        Assert.Contains("<title>maxk k=16 · maxk: aggregation forward 1.000 ms</title>", training);
        Assert.Contains("Speed-up against k: cora · sage", training);
    }

    [Fact]
    public void ARecordWithOnlyItsRequiredFieldsReadsAsDefaultsAndShowsAsFailed()
    {
        using var scratch = new ScratchFolder();
        var optional = OptionalFields().ToList();
        Assert.Contains("phase_ms_median", optional);
        var results = Write(scratch, Result(Record("relu", "relu", null, "cusparse", 10)), json => RemoveFromEveryRecord(json, optional));
        var log = new StringWriter();

        var t = Assert.Single(Assert.Single(SiteRunLoader.Load(results, log)).Training);
        Assert.Equal("", log.ToString());
        Assert.Null(t.K);
        Assert.Null(t.EpochMsMedian);
        Assert.Null(t.PhaseMsMedian);
        Assert.Null(t.Phases);
        Assert.Empty(t.EpochMsSamples);
        Assert.Equal(0, t.WarmupEpochs);
        Assert.Equal("relu · cusparse", t.ShortLabel);

        var site = scratch.File("site");
        SiteRenderer.Render(results, SiteTestData.SiteSources, site, log);
        Assert.Contains("relu · cusparse failed: no epoch time recorded", File.ReadAllText(Path.Combine(site, "training.html")));
    }

    [Fact]
    public void ANullOrAbsentTrainingArrayReadsAsNoRecords()
    {
        using var scratch = new ScratchFolder();
        Write(scratch, Result(Record("relu", "relu", null, "cusparse", 10)), json => json["training"] = null, "null.json");
        var results = Write(scratch, Result(Record("relu", "relu", null, "cusparse", 10)), json => json.Remove("training"), "absent.json");
        var log = new StringWriter();

        var runs = SiteRunLoader.Load(results, log);
        Assert.Equal("", log.ToString());
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Empty(r.Training));
    }

    [Fact]
    public void AFileWhoseRecordLacksARequiredFieldIsSkippedWithAWarningNamingIt()
    {
        using var scratch = new ScratchFolder();
        Write(scratch, Result(Record("relu", "relu", null, "cusparse", 10)), json => RemoveFromEveryRecord(json, ["dataset"]), "broken.json");
        var results = Write(scratch, Result(Record("relu", "relu", null, "cusparse", 10)), _ => { }, "good.json");
        var log = new StringWriter();

        var run = Assert.Single(SiteRunLoader.Load(results, log));
        Assert.Equal("Tolerant_GPU/run/good.json", run.RelativePath);
        Assert.Contains("broken.json", log.ToString());
        Assert.Contains("'dataset'", log.ToString());
    }

    [Fact]
    public void PhaseTimesReadMissingPhasesAsZero()
    {
        var phases = SitePhaseTimes.From(new Dictionary<string, double> { ["aggregation_forward"] = 1.5, ["optimizer"] = 0.25 });
        Assert.Equal([1.5, 0, 0, 0, 0.25], phases!.Values);
        Assert.Null(SitePhaseTimes.From(null));
    }
}
