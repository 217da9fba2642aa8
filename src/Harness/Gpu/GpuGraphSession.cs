using System.Diagnostics;
using MaxK.Graphs;
using MaxK.Graphs.Synthetic;
using MaxK.Harness.Kernels;
using MaxK.Harness.Verification;
using MaxK.Interop;
using MaxK.Kernels;

namespace MaxK.Harness.Gpu;

/// <summary>
/// One benchmark graph on the device: the preset generated from the seed with edge weights uniform in [0, 1) (as the
/// paper's kernel harness), uploaded once; the row samples for verification; the MaxK work partition (built on first
/// use, its build time kept); and the L2 flusher. Everything the cases of one graph share.
/// </summary>
internal sealed class GpuGraphSession : IDisposable
{
    private readonly Lazy<(GpuPartition Partition, double BuildMs)> _partition;
    private readonly Lazy<RowSample> _inSample;

    public GpuGraphSession(GraphPreset preset, KernelBenchmarkOptions options, TextWriter log)
    {
        Preset = preset;
        var clock = Stopwatch.StartNew();
        var structure = preset.Generate(options.Seed);
        Graph = structure.WithWeights(RandomInputs.Uniform01(structure.EdgeCount, options.Seed, WeightStream));
        log.WriteLine($"{preset.Name}: generated {Graph.NodeCount:N0} nodes, {Graph.EdgeCount:N0} edges ({preset.Label}) in {clock.Elapsed.TotalSeconds:F1} s");
        OutSample = RowSample.Create(RowSample.OutDegrees(Graph), options.VerificationRows, options.Seed);
        _inSample = new(() => RowSample.Create(GraphOps.InDegrees(Graph), options.VerificationRows, options.Seed + 1));
        Csr = DeviceCsr.Upload(Graph);
        try
        {
            Flusher = new L2Flusher();
        }
        catch
        {
            Csr.Dispose();
            throw;
        }
        _partition = new(() =>
        {
            var build = Stopwatch.StartNew();
            var partition = GpuPartition.Create(Csr);
            return (partition, build.Elapsed.TotalMilliseconds);
        });
    }

    /// <summary>Random stream of the edge weights (distinct from every case's input streams).</summary>
    public const ulong WeightStream = 999;

    public GraphPreset Preset { get; }

    /// <summary>The weighted graph (weights uniform in [0, 1)).</summary>
    public CsrGraph Graph { get; }

    public DeviceCsr Csr { get; }

    public L2Flusher Flusher { get; }

    /// <summary>Rows checked for Y = A·X outputs (heaviest by out-degree).</summary>
    public RowSample OutSample { get; }

    /// <summary>Rows checked for the backward's (Aᵀ-shaped) output (heaviest by in-degree).</summary>
    public RowSample InSample => _inSample.Value;

    /// <summary>The MaxK work partition (default chunk), built once on first use.</summary>
    public GpuPartition Partition => _partition.Value.Partition;

    /// <summary>Host wall time of building <see cref="Partition"/> (includes its upload and synchronisation), in ms.</summary>
    public double PartitionBuildMs => _partition.Value.BuildMs;

    public void Dispose()
    {
        if (_partition.IsValueCreated)
            _partition.Value.Partition.Dispose();
        Flusher.Dispose();
        Csr.Dispose();
    }
}
