using MaxK.Formats;
using MaxK.Selection;
using MaxK.Tests.Support;

namespace MaxK.Tests.Selection;

public class MaxKSelectorTests
{
    [Fact]
    public void HandRowKeepsLargestBySignedValueInRankOrder()
    {
        var m = MaxKSelector.Select([3f, -1f, 5f, 5f, 0f, -7f, 4f, 2f], 2, 4, 3);
        Assert.Equal([5f, 5f, 3f, 4f, 2f, 0f], m.Values);
        Assert.Equal([2, 3, 0, 2, 3, 0], Indices(m));
    }

    [Fact]
    public void EqualValuesPreferLowerColumns()
    {
        var m = MaxKSelector.Select([1f, 2f, 2f, 1f, 2f, 1f], 1, 6, 4);
        Assert.Equal([2f, 2f, 2f, 1f], m.Values);
        Assert.Equal([1, 2, 4, 0], Indices(m));
    }

    [Fact]
    public void NegativeRowsStillKeepExactlyK()
    {
        var m = MaxKSelector.Select([-5f, -0.5f, -3f, float.NegativeInfinity], 1, 4, 2);
        Assert.Equal([-0.5f, -3f], m.Values);
        Assert.Equal([1, 2], Indices(m));
    }

    [Fact]
    public void SignedZerosTieAndInfinitiesRank()
    {
        var zeros = MaxKSelector.Select([0f, -0f, float.PositiveInfinity], 1, 3, 2);
        Assert.Equal([2, 0], Indices(zeros));
        var negativeFirst = MaxKSelector.Select([-0f, 0f], 1, 2, 1);
        Assert.Equal([0], Indices(negativeFirst));
    }

    [Theory]
    [InlineData(7, 1)]
    [InlineData(7, 7)]
    [InlineData(33, 1)]
    [InlineData(33, 16)]
    [InlineData(33, 33)]
    [InlineData(256, 32)]
    [InlineData(300, 1)]
    [InlineData(300, 96)]
    [InlineData(300, 300)]
    public void MatchesSortOracle(int dim, int k)
    {
        const int rows = 67;
        var dense = RandomMatrices.Dense(81 + dim + k, rows * dim);
        AssertMatchesOracle(dense, rows, dim, k);
    }

    [Theory]
    [InlineData(33, 5)]
    [InlineData(300, 64)]
    public void MatchesSortOracleWithManyTies(int dim, int k)
    {
        const int rows = 200;
        AssertMatchesOracle(RandomMatrices.DenseWithTies(82 + dim, rows * dim), rows, dim, k);
    }

    [Fact]
    public void KEqualToDimIsAFullDescendingPermutation()
    {
        var m = MaxKSelector.Select(RandomMatrices.Dense(83, 10 * 33), 10, 33, 33);
        for (var r = 0; r < 10; r++)
            Assert.Equal(Enumerable.Range(0, 33), Indices(m).Skip(r * 33).Take(33).Order());
    }

    [Fact]
    public void ZeroRowsGiveEmptyMatrix() => Assert.Equal(0, MaxKSelector.Select([], 0, 7, 3).Rows);

    [Fact]
    public void NaNIsRejectedNamingLowestRowAndColumn()
    {
        var dense = RandomMatrices.Dense(84, 3_000 * 7);
        dense[(2_500 * 7) + 1] = float.NaN;
        dense[(40 * 7) + 6] = float.NaN;
        dense[(40 * 7) + 3] = float.NaN;
        var ex = Assert.Throws<NaNInputException>(() => MaxKSelector.Select(dense, 3_000, 7, 2));
        Assert.Equal((40, 3), (ex.Row, ex.Column));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void KOutsideOneToDimIsRejected(int k) =>
        Assert.Throws<CbsrKOutOfRangeException>(() => MaxKSelector.Select(new float[14], 2, 7, k));

    [Fact]
    public void BadShapesAreRejected()
    {
        Assert.Throws<OperandShapeMismatchException>(() => MaxKSelector.Select(new float[13], 2, 7, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaxKSelector.Select([], -1, 7, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaxKSelector.Select([], 0, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaxKSelector.Select([], 0, 65_537, 1));
    }

    private static void AssertMatchesOracle(float[] dense, int rows, int dim, int k)
    {
        var m = MaxKSelector.Select(dense, rows, dim, k);
        Assert.Equal((rows, dim, k), (m.Rows, m.Dim, m.K));
        Assert.Equal(Cbsr.IndexWidthFor(dim), m.IndexWidth);
        for (var r = 0; r < rows; r++)
        {
            var expected = Oracles.TopK(dense.AsSpan(r * dim, dim), k);
            Assert.Equal(expected.Select(t => t.Value), m.Values.Skip(r * k).Take(k));
            Assert.Equal(expected.Select(t => t.Column), Indices(m).Skip(r * k).Take(k));
        }
    }

    private static int[] Indices(Cbsr m) =>
        [.. Enumerable.Range(0, m.Rows * m.K).Select(i => m.GetIndex(i / m.K, i % m.K))];
}
