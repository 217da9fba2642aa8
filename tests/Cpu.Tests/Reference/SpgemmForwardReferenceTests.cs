using MaxK.Formats;
using MaxK.Graphs;
using MaxK.Reference;
using MaxK.Selection;
using MaxK.Tests.Support;
using MaxK.Verification;

namespace MaxK.Tests.Reference;

public class SpgemmForwardReferenceTests
{
    [Fact]
    public void HandGraphSumsSparseNeighbourRows()
    {
        // X rows (D = 4): [0,1,0,2], [3,0,4,0], [0,6,0,5].
        var x = new Cbsr(3, 4, 2, [1f, 2f, 3f, 4f, 5f, 6f], [1, 3, 0, 2, 3, 1]);
        var a = RandomGraphs.FromRows([[1, 2], [0], []]);
        Assert.Equal([3f, 6f, 4f, 5f, 0f, 1f, 0f, 2f, 0f, 0f, 0f, 0f], SpgemmForwardReference.Compute(a, x));
    }

    [Theory]
    [InlineData(111, 7, 1, false)]
    [InlineData(112, 7, 7, true)]
    [InlineData(113, 33, 16, true)]
    [InlineData(114, 256, 32, false)]
    [InlineData(115, 300, 1, true)]
    [InlineData(116, 300, 300, false)]
    public void EqualsDenseSpmmOnScatteredMatrix(int seed, int dim, int k, bool weighted)
    {
        var a = RandomGraphs.Build(seed, new RandomGraphOptions(1_000, 6, EmptyRowFraction: 0.2, HubDegree: 10_100, Weighted: weighted));
        var x = RandomMatrices.Cbsr(seed, a.NodeCount, dim, k);
        var expected = DenseSpmmReference.Compute(a, x.ScatterToDense(), dim);
        var actual = SpgemmForwardReference.Compute(a, x);
        // Same terms in the same order (zeros add nothing), so even the rounding agrees.
        Assert.Equal(expected, actual);
        Assert.True(RelativeError.Compute(actual, expected) < 1e-7);
    }

    [Fact]
    public void WorksOnMaxKOutputOfNormalisedGraph()
    {
        var a = EdgeNormalizer.Apply(
            GraphOps.AddSelfLoops(GraphOps.Symmetrize(RandomGraphs.Build(117, new RandomGraphOptions(700, 5)))),
            EdgeNormalization.Gcn);
        var h = RandomMatrices.Dense(117, a.NodeCount * 64);
        var x = MaxKSelector.Select(h, a.NodeCount, 64, 8);
        Assert.Equal(DenseSpmmReference.Compute(a, x.ScatterToDense(), 64), SpgemmForwardReference.Compute(a, x));
    }

    [Fact]
    public void RowCountMismatchIsRejected() =>
        Assert.Throws<OperandShapeMismatchException>(() =>
            SpgemmForwardReference.Compute(RandomGraphs.FromRows([[0]]), RandomMatrices.Cbsr(1, 2, 4, 2)));
}
