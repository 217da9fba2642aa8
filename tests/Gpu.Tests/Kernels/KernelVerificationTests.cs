using MaxK.Formats;
using MaxK.GpuTests.Support;
using MaxK.Harness.Kernels.Grid;

namespace MaxK.GpuTests.Kernels;

/// <summary>
/// Every native kernel against its CPU reference over the k × D grid, through the same <see cref="GpuKernelVerifier"/>
/// as <c>maxk verify</c>: a 20,000-node random graph with empty rows and a 12,000-edge hub row (weights uniform in
/// [−1, 1); the backward on its mean-normalised, non-symmetric copy), fresh uniform inputs per check, outputs
/// NaN-poisoned before every call. Selection and scatter must match exactly, the products within 1e-5.
/// </summary>
public class KernelVerificationTests
{
    private const int Nodes = 20_000;
    private const int HubDegree = 12_000;

    private static readonly Lazy<GpuKernelVerifier> Shared = new(() =>
        new GpuKernelVerifier(RandomCsr.Build(2024, Nodes, meanDegree: 8, emptyRowFraction: 0.1, HubDegree, weighted: true), seed: 7));

    public static TheoryData<int, int> Shapes() => ToData(GpuKernelVerifier.Shapes());

    public static TheoryData<int, int> WideIndexShapes() => ToData(GpuKernelVerifier.WideIndexShapes);

    public static TheoryData<int, string> GnnAdvisorCases()
    {
        var data = new TheoryData<int, string>();
        foreach (var dim in GpuKernelVerifier.Dims)
        {
            foreach (var variant in GpuKernelVerifier.GnnAdvisorVariants)
                data.Add(dim, variant);
        }
        return data;
    }

    public static TheoryData<int, int, int> TuningCases()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var (k, dim) in GpuKernelVerifier.TuningShapes)
        {
            for (var t = 0; t < GpuKernelVerifier.Tunings.Count; t++)
                data.Add(k, dim, t);
        }
        return data;
    }

    public static TheoryData<int, int> UnalignedCbsrShapes() => ToData(GpuKernelVerifier.UnalignedCbsrShapes);

    public static TheoryData<int> PartitionChunks() => [.. GpuKernelVerifier.PartitionChunks];

    public static TheoryData<string, int, int, int> UnsupportedShapes()
    {
        var data = new TheoryData<string, int, int, int>();
        foreach (var (call, dim, k, width) in GpuKernelVerifier.UnsupportedShapeCases)
            data.Add(call, dim, k, (int)width);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SelectionEqualsTheCpuSelection(int k, int dim) => AssertPassed(Verifier().Select(k, dim));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SelectionBreaksManyTiesLikeTheCpu(int k, int dim) => AssertPassed(Verifier().SelectWithTies(k, dim));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ForwardMatchesTheCpuReference(int k, int dim) => AssertPassed(Verifier().Forward(k, dim));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ForwardMatchesCuSparseOnTheScatteredMatrix(int k, int dim) => AssertPassed(Verifier().ForwardAgainstCuSparse(k, dim));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void BackwardMatchesTheCpuReferenceOnANonSymmetricGraph(int k, int dim) => AssertPassed(Verifier().Backward(k, dim));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ScatterEqualsTheCpuReference(int k, int dim) => AssertPassed(Verifier().Scatter(k, dim));

    [Theory]
    [MemberData(nameof(WideIndexShapes))]
    public void Uint16IndicesWorkBelowDim256(int k, int dim)
    {
        var verifier = Verifier();
        AssertPassed(verifier.Select(k, dim, CbsrIndexWidth.UInt16));
        AssertPassed(verifier.Forward(k, dim, CbsrIndexWidth.UInt16));
        AssertPassed(verifier.Backward(k, dim, CbsrIndexWidth.UInt16));
        AssertPassed(verifier.Scatter(k, dim, CbsrIndexWidth.UInt16));
    }

    [Theory]
    [MemberData(nameof(TuningCases))]
    public void ForwardAndBackwardAreCorrectUnderEveryTuning(int k, int dim, int tuning)
    {
        var t = GpuKernelVerifier.Tunings[tuning].Tuning;
        AssertPassed(Verifier().Forward(k, dim, tuning: t));
        AssertPassed(Verifier().Backward(k, dim, tuning: t));
    }

    [Theory]
    [MemberData(nameof(UnalignedCbsrShapes))]
    public void CbsrOffTheVectorAlignmentTakesTheScalarPathWithTheSameResults(int k, int dim) => AssertPassed(Verifier().UnalignedCbsr(k, dim));

    [Theory]
    [MemberData(nameof(GnnAdvisorCases))]
    public void GnnAdvisorMatchesTheDenseReference(int dim, string variant) => AssertPassed(Verifier().GnnAdvisor(dim, variant));

    [Theory]
    [MemberData(nameof(PartitionChunks))]
    public void PartitionEqualsTheCpuWorkPartition(int chunk) => AssertPassed(Verifier().Partition(chunk));

    [Theory]
    [MemberData(nameof(UnsupportedShapes))]
    public void UnsupportedShapesAreRejectedByWrapperAndLibrary(string call, int dim, int k, int width) =>
        AssertPassed(Verifier().UnsupportedShape(call, dim, k, (CbsrIndexWidth)width));

    [Fact]
    public void GnnAdvisorSharedMemoryOverTheDeviceLimitIsUnsupported() => AssertPassed(Verifier().GnnAdvisorSharedMemoryTooLarge());

    [Fact]
    public void MisalignedOutputIsAnInvalidArgument() => AssertPassed(Verifier().MisalignedOutput());

    [Fact]
    public void InvalidCsrIsReported() => AssertPassed(Verifier().InvalidCsr());

    [Fact]
    public void TheTestGraphHasEmptyRowsAndAHubAboveTenThousandEdges()
    {
        var graph = Verifier().Graph;
        Assert.Contains(Enumerable.Range(0, graph.NodeCount), r => graph.Degree(r) == 0);
        Assert.True(Enumerable.Range(0, graph.NodeCount).Max(graph.Degree) > 10_000);
    }

    private static GpuKernelVerifier Verifier()
    {
        NativeAvailability.Require();
        return Shared.Value;
    }

    private static void AssertPassed(GpuKernelCheck check) => Assert.True(check.Passed, check.ToString());

    private static TheoryData<int, int> ToData(IEnumerable<(int K, int Dim)> shapes)
    {
        var data = new TheoryData<int, int>();
        foreach (var (k, dim) in shapes)
            data.Add(k, dim);
        return data;
    }
}
