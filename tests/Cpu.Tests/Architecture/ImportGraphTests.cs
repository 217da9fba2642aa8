namespace MaxK.Tests.Architecture;

/// <summary>
/// The folders of src/Harness (and of the core, src/MaxK) import each other without a cycle: vocabulary at the bottom,
/// then results, the kernel catalogue and provenance, then suites, the runner and the pages, the command line on top.
/// Read from the sources (using directives and qualified names), so a new circle fails on a CPU before review.
/// </summary>
public class ImportGraphTests
{
    [Theory]
    [InlineData("Harness", "MaxK.Harness")]
    [InlineData("MaxK", "MaxK")]
    public void TheFolderImportGraphHasNoCycle(string project, string rootNamespace)
    {
        var graph = FolderImportGraph.Read(project, rootNamespace);
        Assert.True(graph.Edges.Count > 5, $"src/{project}: only {graph.Edges.Count} folders found");
        var cycle = graph.FindCycle();
        Assert.True(cycle is null, cycle is null ? "" : $"src/{project} folders import each other in a circle: {graph.Explain(cycle)}");
    }

    [Fact]
    public void TheVocabularyImportsNoHarnessFolderAndResultsOnlyTheVocabulary()
    {
        var graph = FolderImportGraph.Read("Harness", "MaxK.Harness");
        Assert.Empty(graph.Edges["Vocabulary"]);
        Assert.Equal(["Vocabulary"], graph.Edges["Results"].Keys);
        // The kernel catalogue sits below suites, the runner and the pages: it imports none of them.
        Assert.DoesNotContain(graph.Edges["Kernels"].Keys, f => f is "Suites" or "Runner" or "Site" or "Analysis" or "Cli" or "Results");
    }

    [Fact]
    public void ACircleIsFoundAndNamed()
    {
        var cycle = FolderImportGraph.FindCycle(new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["Suites"] = ["Gpu"], ["Gpu"] = ["Results"], ["Results"] = ["Suites"], ["Cli"] = ["Suites"],
        });
        Assert.Equal(["Suites", "Gpu", "Results", "Suites"], cycle);
        Assert.Null(FolderImportGraph.FindCycle(new Dictionary<string, IReadOnlyCollection<string>> { ["Cli"] = ["Suites"], ["Suites"] = ["Results"] }));
    }

    [Fact]
    public void UsingDirectivesAndQualifiedNamesCountButCommentsAndStringsDoNot()
    {
        const string code = """
            using MaxK.Harness.Results;
            using static MaxK.Harness.Kernels.KernelNames;
            // using MaxK.Harness.Site;
            var s = "Runner.Thing and MaxK.Harness.Cli.X";
            var c = '"';
            var t = Suites.SuiteCatalog.Load("x");
            """;
        var stripped = SourceText.Code(code);
        Assert.Contains("MaxK.Harness.Results", stripped);
        Assert.Contains("MaxK.Harness.Kernels", stripped);
        Assert.Contains("Suites.SuiteCatalog", stripped);
        Assert.DoesNotContain("Site", stripped);
        Assert.DoesNotContain("Runner", stripped);
        Assert.DoesNotContain("Cli", stripped);
        Assert.Equal(["Runner.Thing and MaxK.Harness.Cli.X", "x"], SourceText.StringLiterals(code));
    }
}
