using System.Runtime.InteropServices;
using System.Text.Json;
using MaxK.Graphs.Io;
using MaxK.Training;

namespace MaxK.Harness.Peers;

/// <summary>
/// Writes a node-classification task in the folder layout pyg_train.py reads: the graph as raw CSR int32 files
/// (<see cref="RawCsrFiles"/>, name "graph", unweighted), features.f32, labels.i32, train/val/test.i32 and meta.json.
/// </summary>
public static class PygDataExport
{
    public static void Write(NodeClassificationData data, string directory)
    {
        ArgumentNullException.ThrowIfNull(data);
        Directory.CreateDirectory(directory);
        var structure = data.Structure.IsWeighted ? data.Structure.WithWeights(null) : data.Structure;
        RawCsrFiles.Write(directory, "graph", structure);
        File.WriteAllBytes(Path.Combine(directory, "features.f32"), MemoryMarshal.AsBytes(data.Features.AsSpan()).ToArray());
        WriteInts(Path.Combine(directory, "labels.i32"), data.Labels);
        WriteInts(Path.Combine(directory, "train.i32"), data.TrainNodes);
        WriteInts(Path.Combine(directory, "val.i32"), data.ValNodes);
        WriteInts(Path.Combine(directory, "test.i32"), data.TestNodes);
        File.WriteAllText(Path.Combine(directory, "meta.json"), JsonSerializer.Serialize(new
        {
            nodes = data.NodeCount, features = data.FeatureCount, classes = data.ClassCount, name = data.Name,
        }));
    }

    private static void WriteInts(string path, int[] values) => File.WriteAllBytes(path, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
}
