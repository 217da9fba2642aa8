using MaxK.Graphs;
using MaxK.Tests.Support;
using MaxK.Torch;
using MaxK.Training;
using MaxK.Training.Aggregation;
using TorchSharp;
using static TorchSharp.torch;

namespace MaxK.Tests.Training;

/// <summary>Small random graphs, tensors and tasks for the training tests.</summary>
internal static class TrainingFixtures
{
    /// <summary>A non-symmetric random graph (30 nodes by default) with empty rows, repeated edges and self-loops.</summary>
    public static CsrGraph Structure(int seed, int nodes = 30) =>
        RandomGraphs.Build(seed, new RandomGraphOptions(nodes, MeanDegree: 4, EmptyRowFraction: 0.1));

    public static AggregationGraph Graph(int seed, EdgeNormalization normalization, int nodes = 30) =>
        AggregationGraph.Create(Structure(seed, nodes), normalization);

    public static void InitTorch() => TorchRuntime.Initialize(TorchDevice.Cpu);

    /// <summary>A float32 N×D tensor of standard normals from a seeded torch generator.</summary>
    public static Tensor Randn(long seed, long rows, long cols, bool requiresGrad = false)
    {
        using var generator = new Generator((ulong)seed);
        return torch.randn([rows, cols], generator: generator).requires_grad_(requiresGrad);
    }

    /// <summary>A random node-classification task whose labels depend on the aggregated features (learnable).</summary>
    public static NodeClassificationData Task(int seed, int nodes = 60, int features = 12, int classes = 3)
    {
        var rng = new Random(seed);
        var structure = GraphOps.AddSelfLoops(GraphOps.Symmetrize(Structure(seed, nodes)));
        var x = new float[nodes * features];
        for (var i = 0; i < x.Length; i++)
            x[i] = (float)((rng.NextDouble() * 2) - 1);
        var labels = new int[nodes];
        for (var r = 0; r < nodes; r++)
            labels[r] = Math.Abs((int)(x[r * features] * 10)) % classes;
        var order = Enumerable.Range(0, nodes).ToArray();
        return new NodeClassificationData("random", structure, x, features, labels, classes,
            order[..(nodes / 2)], order[(nodes / 2)..(3 * nodes / 4)], order[(3 * nodes / 4)..]);
    }

    public static void AssertClose(Tensor expected, Tensor actual, double tolerance, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        var e = expected.detach().contiguous().data<float>().ToArray();
        var a = actual.detach().contiguous().data<float>().ToArray();
        var scale = Math.Max(1.0, e.Max(v => Math.Abs((double)v)));
        for (var i = 0; i < e.Length; i++)
        {
            var diff = Math.Abs((double)e[i] - a[i]);
            Assert.True(diff <= tolerance * scale, $"{what}[{i}]: expected {e[i]}, got {a[i]} (|diff| {diff:E2} > {tolerance * scale:E2}).");
        }
    }
}
