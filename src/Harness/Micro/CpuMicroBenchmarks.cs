using BenchmarkDotNet.Attributes;
using MaxK.Formats;
using MaxK.Graphs;
using MaxK.Graphs.Io;
using MaxK.Graphs.Synthetic;
using MaxK.Harness.Kernels;
using MaxK.Reference;
using MaxK.Selection;

namespace MaxK.Harness.Micro;

/// <summary>
/// CPU-side microbenchmarks (BenchmarkDotNet) on small synthetic graphs: the reference kernels (dense SpMM, MaxK
/// SpGEMM forward, SSpMM backward), MaxK selection into CBSR, uniform and R-MAT generation, and loading raw CSR
/// files. Inputs are drawn once per graph in the global setup, so only the operation itself is measured.
/// </summary>
public class CpuMicroBenchmarks : IDisposable
{
    private CsrGraph _graph = null!;
    private float[] _x = [];
    private float[] _grad = [];
    private Cbsr _cbsr = null!;
    private string _folder = "";

    /// <summary>Graph preset (small enough for seconds per benchmark).</summary>
    [Params("tiny-uniform", "tiny-rmat")]
    public string Graph { get; set; } = "tiny-uniform";

    /// <summary>Dense width D.</summary>
    public const int Dim = 256;

    /// <summary>MaxK's k.</summary>
    public const int K = 32;

    [GlobalSetup]
    public void Setup()
    {
        _graph = EdgeNormalizer.Apply(GraphPresets.Get(Graph).Generate(42), EdgeNormalization.Mean);
        _x = RandomInputs.Dense(_graph.NodeCount, Dim, 42, stream: 1);
        _grad = RandomInputs.Dense(_graph.NodeCount, Dim, 42, stream: 2);
        _cbsr = MaxKSelector.Select(_x, _graph.NodeCount, Dim, K);
        _folder = Path.Combine(Path.GetTempPath(), "maxk-micro-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        RawCsrFiles.Write(_folder, "g", _graph);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "reference dense SpMM (D=256)")]
    public float[] ReferenceSpmm() => DenseSpmmReference.Compute(_graph, _x, Dim);

    [Benchmark(Description = "reference SpGEMM forward (k=32)")]
    public float[] ReferenceSpgemm() => SpgemmForwardReference.Compute(_graph, _cbsr);

    [Benchmark(Description = "reference SSpMM backward (k=32)")]
    public float[] ReferenceSspmm() => SspmmBackwardReference.Compute(_graph, _grad, _cbsr);

    [Benchmark(Description = "MaxK selection into CBSR (k=32)")]
    public Cbsr MaxKSelection() => MaxKSelector.Select(_x, _graph.NodeCount, Dim, K);

    [Benchmark(Description = "graph generation (preset)")]
    public CsrGraph Generate() => GraphPresets.Get(Graph).Generate(7);

    [Benchmark(Description = "raw CSR load")]
    public CsrGraph LoadRawCsr() => RawCsrFiles.Read(_folder, "g");
}
