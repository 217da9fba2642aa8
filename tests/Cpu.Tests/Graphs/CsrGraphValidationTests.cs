using MaxK.Graphs;

namespace MaxK.Tests.Graphs;

public class CsrGraphValidationTests
{
    [Fact]
    public void ValidGraphExposesStructureAndWeights()
    {
        var g = new CsrGraph(3, [0, 2, 2, 3], [1, 2, 0], [0.5f, -1f, 2f]);
        Assert.Equal(3, g.NodeCount);
        Assert.Equal(3, g.EdgeCount);
        Assert.True(g.IsWeighted);
        Assert.Equal([2, 0, 1], new[] { g.Degree(0), g.Degree(1), g.Degree(2) });
        Assert.Equal(-1f, g.Weight(1));
        var unweighted = g.WithWeights(null);
        Assert.False(unweighted.IsWeighted);
        Assert.Equal(1f, unweighted.Weight(1));
    }

    [Fact]
    public void EmptyGraphIsValid() => Assert.Equal(0, new CsrGraph(0, [0], []).EdgeCount);

    [Fact]
    public void NegativeNodeCountIsRejected() =>
        Assert.Throws<CsrSizeMismatchException>(() => new CsrGraph(-1, [0], []));

    [Fact]
    public void RowPointerLengthMustBeNPlusOne() =>
        Assert.Throws<CsrSizeMismatchException>(() => new CsrGraph(3, [0, 1, 2], [0, 1]));

    [Fact]
    public void RowPointersMustStartAtZero() =>
        Assert.Throws<CsrSizeMismatchException>(() => new CsrGraph(2, [1, 1, 2], [0, 1]));

    [Fact]
    public void RowPointersMustEndAtEdgeCount() =>
        Assert.Throws<CsrSizeMismatchException>(() => new CsrGraph(2, [0, 1, 2], [0, 1, 1]));

    [Fact]
    public void WeightCountMustMatchEdgeCount() =>
        Assert.Throws<CsrSizeMismatchException>(() => new CsrGraph(2, [0, 1, 2], [0, 1], [1f]));

    [Fact]
    public void DecreasingRowPointerNamesTheRow()
    {
        var ex = Assert.Throws<RowPointersNotMonotoneException>(() => new CsrGraph(3, [0, 2, 1, 2], [0, 1]));
        Assert.Equal(1, ex.Row);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void ColumnOutsideRangeNamesTheEdge(int column)
    {
        var ex = Assert.Throws<ColumnIndexOutOfRangeException>(() => new CsrGraph(3, [0, 1, 3, 3], [0, 2, column]));
        Assert.Equal(2, ex.Edge);
        Assert.Contains(column.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void NonFiniteWeightIsRejected(float weight) =>
        Assert.Throws<NonFiniteEdgeWeightException>(() => new CsrGraph(2, [0, 1, 2], [0, 1], [1f, weight]));

    [Fact]
    public void NullArraysAreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => new CsrGraph(1, null!, []));
        Assert.Throws<ArgumentNullException>(() => new CsrGraph(1, [0, 0], null!));
    }

    [Fact]
    public void InvalidGraphExceptionsShareABaseType() =>
        Assert.IsAssignableFrom<InvalidGraphException>(
            Record.Exception(() => new CsrGraph(2, [0, 1, 2], [0, 5])));
}
