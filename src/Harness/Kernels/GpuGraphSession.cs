using System.Diagnostics;
using MaxK.Graphs;
using MaxK.Harness.Verification;
using MaxK.Interop;
using MaxK.Kernels;

namespace MaxK.Harness.Kernels;

/// <summary>
/// One benchmark graph on the device: the structure with edge weights uniform in [0, 1) (as the paper's kernel harness),
/// uploaded once; the row samples for verification; the MaxK work partition (built on first use, its build time kept);
/// and the L2 flusher. Everything the GPU cases of one graph share.
/// </summary>
public sealed class GpuGraphSession : IDisposable
{
    private readonly Lazy<(GpuPartition Partition, double BuildMs)> _partition;
    private readonly Lazy<RowSample> _inSample;
    private readonly Dictionary<string, object> _perGraph = new(StringComparer.Ordinal);

    /// <param name="info">What the graph is (name, label), as its records carry it.</param>
    /// <param name="structure">The graph's structure from the graph source; its weights are replaced.</param>
    /// <param name="seed">Seed of the weights and of the row samples.</param>
    /// <param name="verificationRows">Rows checked per output on graphs larger than this (all rows otherwise).</param>
    public GpuGraphSession(KernelGraphInfo info, CsrGraph structure, ulong seed, int verificationRows = RowSample.DefaultBudget)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(structure);
        Info = info;
        Graph = structure.WithWeights(RandomInputs.Uniform01(structure.EdgeCount, seed, WeightStream));
        OutSample = RowSample.Create(RowSample.OutDegrees(Graph), verificationRows, seed);
        _inSample = new(() => RowSample.Create(GraphOps.InDegrees(Graph), verificationRows, seed + 1));
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

    public KernelGraphInfo Info { get; }

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

    /// <summary>
    /// Something a kernel decides or builds once per graph at set-up (a launch variant chosen for this graph, a
    /// preprocessed structure), created on first use under <paramref name="key"/> and disposed with the session when
    /// disposable. The descriptor that asks records what it chose in its cases' config.
    /// </summary>
    public T PerGraph<T>(string key, Func<GpuGraphSession, T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        if (!_perGraph.TryGetValue(key, out var value))
            _perGraph[key] = value = create(this);
        return (T)value;
    }

    public void Dispose()
    {
        foreach (var value in _perGraph.Values.OfType<IDisposable>())
            value.Dispose();
        if (_partition.IsValueCreated)
            _partition.Value.Partition.Dispose();
        Flusher.Dispose();
        Csr.Dispose();
    }
}
