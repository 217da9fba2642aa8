using System.Text;
using MaxK.Graphs;
using MaxK.Graphs.Io;
using MaxK.Harness.Results;
using MaxK.Harness.Runner;
using MaxK.Harness.Suites;

namespace MaxK.Tests.Runner;

/// <summary>
/// Graph source specs on the one kernel path: a suite's graphs may be csr:, dir: (expanded into one csr: spec per graph),
/// edges: or dataset: besides presets; their records carry graph_synthetic false, the spec and every file's SHA-256; a dir:
/// that holds no graph is skipped with the reason, and a malformed spec is a suite error naming the field.
/// </summary>
public class KernelGraphSourceTests
{
    private static string Suite(string graphs) => $$"""
        { "suite": "src", "seed": 42, "sections": [ { "name": "c", "kind": "kernel", "device": "cpu", "graphs": [{{graphs}}],
          "dims": [32], "ks": [8], "kernels": ["maxk_forward"], "runs": 1, "warmup": 0 } ] }
        """;

    private static SuiteDefinition Parse(string json) => SuiteFileReader.Parse(Encoding.UTF8.GetBytes(json), "src.json");

    [Fact]
    public void RecordsOfFileGraphsCarryTheSpecAndEveryFilesSha256()
    {
        using var dir = new ScratchFolder();
        var graphs = Path.Combine(dir.Path, "graphs");
        RawCsrFiles.Write(graphs, "a", new CsrGraph(3, [0, 2, 3, 3], [1, 2, 0], null));
        RawCsrFiles.Write(graphs, "b", new CsrGraph(2, [0, 1, 2], [1, 0], null));
        var edges = dir.File("e.txt");
        File.WriteAllText(edges, "# comment\n10 20\n20 30\n");
        using var log = new StringWriter();
        var outcome = new SuiteRunner(log).Run(Parse(Suite($"\"dir:{graphs}\", \"edges:{edges}\", \"tiny-uniform\"")), new SuiteRunOptions { Output = dir.File("out"), CpuOnly = true });
        var byGraph = outcome.Result.Cases.ToDictionary(c => c.Graph);
        Assert.Equal(4, byGraph.Count);
        var a = byGraph[$"csr:{Path.Combine(graphs, "a")}"];
        Assert.False(a.GraphSynthetic);
        Assert.Equal(a.Graph, a.GraphSource);
        Assert.Equal(["a.indptr", "a.indices"], a.GraphFiles!.Select(f => f.File).Order(StringComparer.Ordinal).Reverse());
        Assert.All(a.GraphFiles!, f => Assert.Matches("^[0-9a-f]{64}$", f.Sha256));
        Assert.Equal((3, 3L), (a.Nodes, a.Edges));
        Assert.True(a.Verified);
        var e = byGraph[$"edges:{edges}"];
        Assert.False(e.GraphSynthetic);
        Assert.Equal((3, 4L), (e.Nodes, e.Edges)); // 10-20, 20-30 made undirected
        Assert.Equal("e.txt", Assert.Single(e.GraphFiles!).File);
        var preset = byGraph["tiny-uniform"];
        Assert.True(preset.GraphSynthetic);
        Assert.Null(preset.GraphSource);
        Assert.Null(preset.GraphFiles);
    }

    [Fact]
    public void AnEmptyDirIsSkippedWithTheReasonAndABadSpecIsASuiteError()
    {
        using var dir = new ScratchFolder();
        var plan = SuiteExpander.Expand(Parse(Suite($"\"dir:{dir.Path}\", \"tiny-uniform\"")), null);
        Assert.Single(plan.Cases);
        Assert.Contains(plan.Skipped, s => s.What.Contains("dir:", StringComparison.Ordinal));
        var ex = Assert.Throws<SuiteFormatException>(() => Parse(Suite("\"nosuch:x\"")));
        Assert.Contains("graphs[0]", ex.Message, StringComparison.Ordinal);
        Assert.Throws<SuiteFormatException>(() => Parse(Suite("\"no-such-preset\"")));
    }
}
