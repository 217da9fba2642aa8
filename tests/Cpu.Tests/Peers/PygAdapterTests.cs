using System.Diagnostics;
using MaxK.Graphs;
using MaxK.Harness.Peers;
using MaxK.Harness.Training;
using MaxK.Training;
using MaxK.Training.Models;

namespace MaxK.Tests.Peers;

/// <summary>
/// The PyG adapter against a fake interpreter (a shell script standing in for python3, as PyG is not installed in CI),
/// and the real pyg_train.py's argument and JSON contract read from the script itself.
/// </summary>
public class PygAdapterTests
{
    private static string Script => Path.Combine(AppContext.BaseDirectory, "peers", "pyg_train.py");

    private static NodeClassificationData Tiny()
    {
        // 4 nodes in a cycle with self-loops, 3 features, 2 classes.
        var graph = new CsrGraph(4, [0, 3, 6, 9, 12], [0, 1, 3, 1, 0, 2, 2, 1, 3, 3, 2, 0], null);
        return new NodeClassificationData("tiny", graph, [.. Enumerable.Range(0, 12).Select(i => i / 10f)], 3, [0, 1, 0, 1], 2, [0, 1], [2], [3]);
    }

    private static string FakePython(ScratchFolder dir, string body)
    {
        var path = dir.File("fake-python");
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private const string Answering = """
        if [ "$1" = "-c" ]; then echo 2.8.0; exit 0; fi
        shift
        out=""; data=""
        while [ $# -gt 0 ]; do
          case "$1" in --json) out="$2"; shift;; --dataset-dir) data="$2"; shift;; esac
          shift
        done
        test -f "$data/graph.indptr" && test -f "$data/features.f32" && test -f "$data/meta.json" || { echo "missing input files" >&2; exit 3; }
        echo '{"pyg_version":"2.8.0","torch_version":"2.9.0","device":"cpu","gpu":null,"model":"sage","hidden":16,"layers":2,"epochs":8,"warmup_epochs":2,
          "epoch_ms":[9,9,5,4,6,5,4,6],"test_accuracy":0.75,"best_epoch":5,"best_val_accuracy":0.8,"val_curve":[0.5,0.5,0.6,0.7,0.8,0.8,0.8,0.8],"test_curve":[0.5,0.5,0.5,0.7,0.75,0.75,0.75,0.75]}' > "$out"
        """;

    [Fact]
    public void TheAdapterExportsTheGraphRunsTheScriptAndRecordsItsEpochs()
    {
        using var dir = new ScratchFolder();
        var adapter = new PygAdapter(FakePython(dir, Answering), Script);
        Assert.Equal("2.8.0", adapter.Version());
        var spec = new TrainingRunSpec { Dataset = "tiny", Model = GnnArchitecture.Sage, Hidden = 16, Layers = 2, Epochs = 8, WarmupEpochs = 2, Seed = 5 };
        var record = adapter.Run(spec, Tiny(), TextWriter.Null);
        Assert.Equal(("pyg", "pyg 2.8.0", "relu", "sage"), (record.Backend, record.Implementation, record.Nonlinearity, record.Model));
        Assert.Equal([5.0, 4, 6, 5, 4, 6], record.EpochMsSamples);
        Assert.Equal(5.0, record.EpochMsMedian);
        Assert.Equal((4, 12L, 3, 2), (record.Nodes, record.Edges, record.Features, record.Classes));
        Assert.Equal(0.75, record.TestAccuracy);
        Assert.False(record.Verified);
        Assert.Equal(5, record.PhaseMsMedian!.Count);
    }

    [Fact]
    public void MissingPygIsAPeerUnavailableReasonAndAFailingScriptShowsItsError()
    {
        using var dir = new ScratchFolder();
        var missing = new PygAdapter(FakePython(dir, "echo \"ModuleNotFoundError: No module named 'torch_geometric'\" >&2; exit 1\n"), Script);
        var ex = Assert.Throws<PeerUnavailableException>(missing.Version);
        Assert.Contains("No module named 'torch_geometric'", ex.Message);

        var failing = new PygAdapter(FakePython(dir, "if [ \"$1\" = \"-c\" ]; then echo 2.8.0; exit 0; fi\necho 'CUDA out of memory' >&2; exit 1\n"), Script);
        var spec = new TrainingRunSpec { Dataset = "tiny", Epochs = 3 };
        var error = Assert.Throws<MaxK.Harness.HarnessException>(() => failing.Run(spec, Tiny(), TextWriter.Null));
        Assert.Contains("CUDA out of memory", error.Message);
    }

    [Fact]
    public void TheScriptAcceptsEveryArgumentTheAdapterPassesAndWritesTheFieldsItReads()
    {
        var text = File.ReadAllText(Script);
        foreach (var arg in new[] { "--dataset-dir", "--model", "--hidden", "--layers", "--epochs", "--warmup-epochs", "--dropout", "--lr", "--weight-decay", "--seed", "--device", "--json", "--planetoid-root", "--planetoid-name" })
            Assert.Contains($"\"{arg}\"", text);
        foreach (var field in new[] { "pyg_version", "device", "model", "hidden", "layers", "epochs", "warmup_epochs", "epoch_ms", "test_accuracy", "best_epoch", "best_val_accuracy", "val_curve", "test_curve", "data_source" })
            Assert.Contains($"\"{field}\":", text);
        Assert.Contains("torch.cuda.Event", text);
        Assert.Contains("SAGEConv(h, h, aggr=\"mean\")", text);

        // With python3 present, argparse itself must accept the arguments (--help needs neither torch nor PyG).
        try
        {
            var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(Script);
            info.ArgumentList.Add("--help");
            using var p = Process.Start(info)!;
            var help = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            Assert.Contains("--warmup-epochs", help);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No python3 on this host: the textual checks above still hold.
        }
    }

    [Fact]
    public void TheExportIsRawLittleEndianCsrAndArrays()
    {
        using var dir = new ScratchFolder();
        PygDataExport.Write(Tiny(), dir.Path);
        Assert.Equal(5 * 4, new FileInfo(dir.File("graph.indptr")).Length);
        Assert.Equal(12 * 4, new FileInfo(dir.File("graph.indices")).Length);
        Assert.Equal(12 * 4, new FileInfo(dir.File("features.f32")).Length);
        Assert.Equal(2 * 4, new FileInfo(dir.File("train.i32")).Length);
        Assert.Contains("\"classes\":2", File.ReadAllText(dir.File("meta.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void PlanetoidDatasetsAreReadByPygsOwnLoaderFromTheSameRawFiles()
    {
        var planetoid = MaxK.Datasets.SharedDatasets.LocatePlanetoid();
        Assert.SkipWhen(planetoid is null, "No shared Planetoid folder.");
        using var dir = new ScratchFolder();
        // The fake interpreter checks what pyg_train.py would get: ROOT/CiteSeer/raw/ind.citeseer.* byte-identical to the shared files.
        var body = $$"""
            if [ "$1" = "-c" ]; then echo 2.8.0; exit 0; fi
            shift
            out=""; root=""; name=""
            while [ $# -gt 0 ]; do
              case "$1" in --json) out="$2"; shift;; --planetoid-root) root="$2"; shift;; --planetoid-name) name="$2"; shift;; esac
              shift
            done
            test "$name" = "CiteSeer" || { echo "name $name" >&2; exit 3; }
            for f in {{planetoid}}/ind.citeseer.*; do cmp -s "$f" "$root/CiteSeer/raw/$(basename $f)" || { echo "differs: $f" >&2; exit 4; }; done
            test "$(ls $root/CiteSeer/raw | wc -l)" = 8 || { echo "not 8 files" >&2; exit 5; }
            echo '{"pyg_version":"2.8.0","device":"cpu","model":"sage","hidden":16,"layers":2,"epochs":2,"warmup_epochs":1,"epoch_ms":[9,5],
              "test_accuracy":0.7,"best_epoch":2,"best_val_accuracy":0.7,"val_curve":[0.6,0.7],"test_curve":[0.6,0.7],"data_source":"pyg-planetoid:CiteSeer"}' > "$out"
            """;
        var adapter = new PygAdapter(FakePython(dir, body), Script);
        var spec = new TrainingRunSpec { Dataset = "citeseer", DataDir = planetoid, Model = GnnArchitecture.Sage, Hidden = 16, Layers = 2, Epochs = 2, Seed = 1 };
        var record = adapter.Run(spec, TextWriter.Null);
        Assert.Equal((3_327, 0.7), (record.Nodes, record.TestAccuracy));
        Assert.Contains("PyG's Planetoid (CiteSeer) from the same raw files", record.VerificationReference, StringComparison.Ordinal);
    }
}
