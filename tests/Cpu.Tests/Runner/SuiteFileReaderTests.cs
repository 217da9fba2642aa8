using System.Text;
using MaxK.Harness.Kernels;
using MaxK.Harness.Suites;
using MaxK.Harness.Vocabulary;

namespace MaxK.Tests.Runner;

public class SuiteFileReaderTests
{
    private static SuiteFormatException Bad(string json) =>
        Assert.Throws<SuiteFormatException>(() => SuiteFileReader.Parse(Encoding.UTF8.GetBytes(json), "suites/bad.json"));

    private const string Good = """
        {
          "suite": "t",
          "sections": [
            {
              "name": "k",
              "kind": "kernel",
              "graphs": ["tiny-uniform"],
              "ks": [16]
            }
          ]
        }
        """;

    [Fact]
    public void AValidFileParsesWithDefaultsAndAHash()
    {
        var suite = SuiteFileReader.Parse(Encoding.UTF8.GetBytes(Good), "x.json");
        var section = Assert.Single(suite.Sections);
        Assert.Equal(("t", 42UL, ComputeDevice.Cpu, SuiteSectionKind.Kernel), (suite.Name, suite.Seed, section.Device, section.Kind));
        Assert.Equal([256], section.Kernel!.Dims);
        Assert.Equal([KernelNames.DenseSpmm, KernelNames.MaxKSelect, KernelNames.MaxKForward, KernelNames.MaxKBackward], section.Kernel.Kernels);
        Assert.Equal(64, suite.Sha256.Length);
        Assert.Equal(4, SuiteExpander.Expand(suite, "no gpu").Cases.Count);
    }

    [Fact]
    public void SyntaxErrorsNameFileAndLine()
    {
        var ex = Bad("{\n  \"suite\": \"t\",\n  \"sections\": [\n    { \"name\": \"k\" \"kind\": \"kernel\" }\n  ]\n}");
        Assert.Equal(4, ex.Line);
        Assert.StartsWith("suites/bad.json:4:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownGraphNamesFileLineAndField()
    {
        var ex = Bad(Good.Replace("\"tiny-uniform\"", "\"tiny-uniform\", \"no-such-graph\"", StringComparison.Ordinal));
        Assert.Equal(("suites/bad.json", 7, "sections[0].graphs[1]"), (ex.File, ex.Line, ex.Field));
        Assert.Contains("'no-such-graph' is neither a graph preset", ex.Message);
    }

    [Fact]
    public void TyposWrongTypesAndMissingFieldsNameTheField()
    {
        var typo = Bad(Good.Replace("\"ks\": [16]", "\"ks\": [16],\n      \"runz\": 3", StringComparison.Ordinal));
        Assert.Equal(("sections[0].runz", 9), (typo.Field, typo.Line));
        Assert.Contains("unknown field", typo.Message);

        var type = Bad(Good.Replace("[16]", "[\"16\"]", StringComparison.Ordinal));
        Assert.Equal(("sections[0].ks[0]", 8), (type.Field, type.Line));

        var missing = Bad(Good.Replace("\"kind\": \"kernel\",", "", StringComparison.Ordinal));
        Assert.Equal("sections[0].kind", missing.Field);
        Assert.Contains("is required", missing.Message);

        var kernel = Bad(Good.Replace("\"ks\": [16]", "\"ks\": [16], \"kernels\": [\"cusparse_spmm_alg2\"]", StringComparison.Ordinal));
        Assert.Equal(("sections[0].kernels[0]", 8), (kernel.Field, kernel.Line));
        Assert.Contains("is not a cpu kernel", kernel.Message);

        var cuda = Bad(Good.Replace("\"kind\": \"kernel\",", "\"kind\": \"kernel\", \"device\": \"cuda\",", StringComparison.Ordinal));
        Assert.Equal("sections[0].requires", cuda.Field);
    }

    [Fact]
    public void TrainingVariantsAreChecked()
    {
        const string training = """
            { "suite": "t", "sections": [ { "name": "tr", "kind": "training", "datasets": ["cora"], "models": ["gcn"],
              "variants": [ { "nonlinearity": "maxk" } ] } ] }
            """;
        var ex = Bad(training);
        Assert.Equal(("sections[0].variants[0].ks", 2), (ex.Field, ex.Line));
        var backend = Bad(training.Replace("\"maxk\"", "\"relu\", \"backend\": \"cusparse\"", StringComparison.Ordinal));
        Assert.Contains("does not run on device cpu", backend.Message);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("smoke")]
    [InlineData("paper")]
    [InlineData("floor")]
    [InlineData("real-data")]
    public void TheCommittedSuitesParseAndExpand(string name)
    {
        var suite = SuiteCatalog.Load(name);
        Assert.Equal(name, suite.Name);
        var withGpu = SuiteExpander.Expand(suite, null);
        var withoutGpu = SuiteExpander.Expand(suite, "no CUDA device");
        Assert.True(withGpu.Cases.Count > withoutGpu.Cases.Count, name);
        Assert.Equal(withGpu.Cases.Count, withGpu.Cases.Select(c => c.Id).Distinct().Count());
        Assert.All(withoutGpu.Cases, c => Assert.Equal(ComputeDevice.Cpu, c.Device));
    }

    [Fact]
    public void TheDefaultSuiteHasTheGpuTrainingCampaign()
    {
        var plan = SuiteExpander.Expand(SuiteCatalog.Load("default"), null);
        var training = plan.Cases.OfType<TrainingSuiteCase>().ToList();
        // Timing: 3 datasets × 3 models × (relu cusparse + 4 maxk + gnnadvisor); PyG: SAGE on 2 datasets; accuracy: SAGE on csbm-reddit,
        // relu + 4 maxk; real data: SAGE on Cora and CiteSeer × (relu cusparse + 4 maxk + pyg) × 5 seeds.
        Assert.Equal((3 * 3 * 6) + 2 + 5 + (2 * 6 * 5), training.Count);
        Assert.Equal(5 + (2 * 6), training.Count(t => t.Id.EndsWith("/seed1", StringComparison.Ordinal)));
        Assert.Equal(training.Count, training.Select(t => t.Id).Distinct().Count());
        Assert.Contains(training, t => t.Id == "train/csbm-reddit/sage/maxk-k16/maxk/h256-l3/seed97");
        Assert.Contains(training, t => t.Id == "train/rmat-reddit/sage/relu/pyg/h256-l3/seed97");
        Assert.Contains(plan.Skipped, s => s.What.Contains("cpu-training", StringComparison.Ordinal));
        var kernels = plan.Cases.OfType<KernelSuiteCase>().Where(c => c.Device == ComputeDevice.Cuda).ToList();
        // Per Reddit-sized graph: ALG2, ALG3, GNNAdvisor (own decider and best of its sweep), device copy, and per k select/forward/backward, their two floors and ALG3
        // at width k; per real graph (dataset:cora, dataset:citeseer): ALG2, ALG3, GNNAdvisor, and per k select/forward/backward and ALG3 at width k.
        Assert.Equal((2 * (5 + (6 * 3))) + (2 * (3 + (4 * 3))), kernels.Count);
        Assert.Equal(2 * 2 * 3, kernels.Count(c => KernelNames.IsDiagnostic(c.Case.Kernel)));
    }

    [Fact]
    public void TheRealDataSectionTrainsAtThePapersSageSettings()
    {
        var plan = SuiteExpander.Expand(SuiteCatalog.Load("real-data"), null);
        var training = plan.Cases.OfType<TrainingSuiteCase>().ToList();
        Assert.Equal(2 * 6 * 5, training.Count);
        Assert.All(training, t =>
        {
            Assert.Equal((0.01, 0.5, 0.0, 200, 256, 3), (t.Spec.LearningRate, t.Spec.Dropout, t.Spec.WeightDecay, t.Spec.Epochs, t.Spec.Hidden, t.Spec.Layers));
            Assert.Equal(SuiteSectionKind.Accuracy, t.Kind);
        });
        Assert.Contains(training, t => t.Id == "train/citeseer/sage/relu/pyg/h256-l3/seed5");
        Assert.Contains(training, t => t.Id == "train/cora/sage/maxk-k32/maxk/h256-l3/seed3");
        Assert.Equal(training.Select(t => t.Id).Order(), SuiteExpander.Expand(SuiteCatalog.Load("default"), null).Cases
            .OfType<TrainingSuiteCase>().Where(t => t.Section == "gpu-real-accuracy").Select(t => t.Id).Order());
    }

    [Theory]
    [InlineData("\"lr\": 0", "sections[0].lr")]
    [InlineData("\"lr\": \"fast\"", "sections[0].lr")]
    [InlineData("\"dropout\": 1.5", "sections[0].dropout")]
    [InlineData("\"weight_decay\": -1", "sections[0].weight_decay")]
    public void OptimiserSettingsAreCheckedNumbers(string field, string path)
    {
        var json = $$"""
            { "suite": "t", "sections": [ { "name": "s", "kind": "training", "datasets": ["cora"], "models": ["gcn"],
              "variants": [ { "nonlinearity": "relu" } ], {{field}} } ] }
            """;
        var ex = Assert.Throws<SuiteFormatException>(() => SuiteFileReader.Parse(Encoding.UTF8.GetBytes(json), "suites/t.json"));
        Assert.Equal(path, ex.Field);
    }
}
