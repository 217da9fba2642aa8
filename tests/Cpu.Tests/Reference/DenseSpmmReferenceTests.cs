using MaxK.Reference;
using MaxK.Tests.Support;

namespace MaxK.Tests.Reference;

public class DenseSpmmReferenceTests
{
    [Fact]
    public void HandGraphAppliesWeights()
    {
        var a = RandomGraphs.FromRows([[1, 2], [], [0, 2]], [2f, -1f, 0.5f, 1f]);
        Assert.Equal([1f, 2f, 0f, 0f, 5.5f, 7f], DenseSpmmReference.Compute(a, [1f, 2f, 3f, 4f, 5f, 6f], 2));
    }

    [Fact]
    public void NullWeightsMeanOne()
    {
        var a = RandomGraphs.FromRows([[1, 1], [0]]);
        Assert.Equal([6f, 8f, 1f, 2f], DenseSpmmReference.Compute(a, [1f, 2f, 3f, 4f], 2));
    }

    [Theory]
    [InlineData(101, 7, true)]
    [InlineData(102, 33, false)]
    [InlineData(103, 300, true)]
    public void MatchesNaiveDoubleOracleBitForBit(int seed, int dim, bool weighted)
    {
        var a = RandomGraphs.Build(seed, new RandomGraphOptions(1_200, 6, EmptyRowFraction: 0.2, HubDegree: 10_200, Weighted: weighted));
        var x = RandomMatrices.Dense(seed, a.NodeCount * dim);
        Assert.Equal(Oracles.Spmm(a, x, dim), DenseSpmmReference.Compute(a, x, dim));
    }

    [Fact]
    public void BadOperandsAreRejected()
    {
        var a = RandomGraphs.FromRows([[1], [0]]);
        Assert.Throws<ArgumentOutOfRangeException>(() => DenseSpmmReference.Compute(a, [], 0));
        Assert.Throws<OperandShapeMismatchException>(() => DenseSpmmReference.Compute(a, new float[5], 3));
        Assert.Throws<ArgumentNullException>(() => DenseSpmmReference.Compute(null!, new float[6], 3));
    }
}
