using MaxK.Baselines.CuSparse;
using MaxK.GpuTests.Support;
using MaxK.Graphs;
using MaxK.Interop;
using MaxK.Reference;
using MaxK.Verification;

namespace MaxK.GpuTests.Baselines;

public class CuSparseSpmmTests
{
    private const int Nodes = 20_000;
    private const int HubDegree = 12_000;

    public static TheoryData<int, CuSparseSpmmAlgorithm> Cases()
    {
        var data = new TheoryData<int, CuSparseSpmmAlgorithm>();
        foreach (var d in new[] { 32, 64, 256, 384 })
        {
            data.Add(d, CuSparseSpmmAlgorithm.CsrAlg2);
            data.Add(d, CuSparseSpmmAlgorithm.CsrAlg3);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTheCpuReference(int dim, CuSparseSpmmAlgorithm algorithm)
    {
        GpuAvailability.RequireCuda();
        var seed = (dim * 31) + (int)algorithm;
        var graph = RandomCsr.Build(seed, Nodes, meanDegree: 8, emptyRowFraction: 0.1, HubDegree, weighted: true);
        var x = RandomCsr.Dense(seed + 1, Nodes, dim);
        var expected = DenseSpmmReference.Compute(graph, x, dim);

        using var a = DeviceCsr.Upload(graph);
        using var dx = DeviceBuffer.FromHost<float>(x);
        using var dy = DeviceBuffer.Allocate<float>((long)Nodes * dim);
        dy.FillBytes(0xFF); // NaN everywhere: every row, empty ones included, must be written
        using var spmm = new CuSparseSpmm(a.View, dim, algorithm, dx.Pointer, dy.Pointer);
        if (spmm.RequiresPreprocess)
        {
            Assert.Throws<InvalidOperationException>(() => spmm.Run(dx, dy));
            spmm.Preprocess();
            Assert.True(spmm.PreprocessMilliseconds >= 0);
        }
        spmm.Run(dx, dy);
        CudaRuntime.Synchronize();
        var actual = dy.ToArray<float>();

        Assert.True(spmm.WorkspaceBytes >= 0);
        var error = RelativeError.Compute(actual, expected);
        Assert.True(error < 1e-5, $"relative error {error:E3} for D = {dim}, {algorithm}");
        AssertEmptyRowsAreZero(graph, actual, dim);
    }

    [Fact]
    public void RunRebindsDenseOperandsWithoutRecreation()
    {
        GpuAvailability.RequireCuda();
        const int dim = 64;
        var graph = RandomCsr.Build(7, 5_000, meanDegree: 6, emptyRowFraction: 0.05, hubDegree: 2_000, weighted: false);
        var x1 = RandomCsr.Dense(8, graph.NodeCount, dim);
        var x2 = RandomCsr.Dense(9, graph.NodeCount, dim);
        using var a = DeviceCsr.Upload(graph);
        using var dx1 = DeviceBuffer.FromHost<float>(x1);
        using var dx2 = DeviceBuffer.FromHost<float>(x2);
        using var dy1 = DeviceBuffer.Allocate<float>((long)graph.NodeCount * dim);
        using var dy2 = DeviceBuffer.Allocate<float>((long)graph.NodeCount * dim);
        using var spmm = new CuSparseSpmm(a.View, dim, CuSparseSpmmAlgorithm.CsrAlg3, dx1.Pointer, dy1.Pointer);
        spmm.Preprocess();

        spmm.Run(dx1, dy1);
        spmm.Run(dx2, dy2);
        CudaRuntime.Synchronize();

        Assert.True(RelativeError.Compute(dy1.ToArray<float>(), DenseSpmmReference.Compute(graph, x1, dim)) < 1e-5);
        Assert.True(RelativeError.Compute(dy2.ToArray<float>(), DenseSpmmReference.Compute(graph, x2, dim)) < 1e-5);
    }

    [Fact]
    public void UndersizedBuffersAreRejected()
    {
        GpuAvailability.RequireCuda();
        var graph = RandomCsr.Build(3, 100, meanDegree: 4, emptyRowFraction: 0, hubDegree: 10, weighted: false);
        using var a = DeviceCsr.Upload(graph);
        using var dx = DeviceBuffer.Allocate<float>(100 * 32);
        using var dy = DeviceBuffer.Allocate<float>(100 * 32);
        using var small = DeviceBuffer.Allocate<float>(99 * 32);
        using var spmm = new CuSparseSpmm(a.View, 32, CuSparseSpmmAlgorithm.CsrAlg2, dx.Pointer, dy.Pointer);
        Assert.Throws<OperandShapeMismatchException>(() => spmm.Run(small, dy));
        Assert.Throws<OperandShapeMismatchException>(() => spmm.Run(dx, small));
    }

    [Fact]
    public void ReportsTheLoadedLibraryVersion()
    {
        GpuAvailability.RequireCuda();
        Assert.Equal(12, CuSparseLibrary.GetVersion().Major);
    }

    private static void AssertEmptyRowsAreZero(CsrGraph graph, float[] y, int dim)
    {
        var empty = 0;
        for (var r = 0; r < graph.NodeCount; r++)
        {
            if (graph.Degree(r) != 0)
                continue;
            empty++;
            for (var j = 0; j < dim; j++)
                Assert.Equal(0f, y[((long)r * dim) + j]);
        }
        Assert.True(empty > 0, "the test graph should contain empty rows");
    }
}
