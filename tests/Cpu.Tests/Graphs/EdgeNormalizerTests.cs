using MaxK.Graphs;
using MaxK.Tests.Support;

namespace MaxK.Tests.Graphs;

public class EdgeNormalizerTests
{
    // 0 → {1, 2}, 1 → {0}, 2 → {} (non-symmetric: 2 has in-edges but row degree 0), 3 → {0, 1, 2, 3}.
    private static readonly CsrGraph Hand =
        RandomGraphs.FromRows([[1, 2], [0], [], [0, 1, 2, 3]], [7f, 7f, 7f, 7f, 7f, 7f, 7f]);

    [Fact]
    public void SumGivesUnitWeightsIgnoringOldOnes() =>
        Assert.Equal(Enumerable.Repeat(1f, 7), EdgeNormalizer.Apply(Hand, EdgeNormalization.Sum).EdgeWeights!);

    [Fact]
    public void MeanDividesByRowDegree() =>
        Assert.Equal([0.5f, 0.5f, 1f, 0.25f, 0.25f, 0.25f, 0.25f], EdgeNormalizer.Apply(Hand, EdgeNormalization.Mean).EdgeWeights!);

    [Fact]
    public void GcnUsesBothRowDegreesAndClampsZeroToOne()
    {
        float W(double dr, double dc) => (float)(1 / Math.Sqrt(dr * dc));
        float[] expected = [W(2, 1), W(2, 1), W(1, 2), W(4, 2), W(4, 1), W(4, 1), W(4, 4)];
        Assert.Equal(expected, EdgeNormalizer.Apply(Hand, EdgeNormalization.Gcn).EdgeWeights!);
    }

    [Fact]
    public void GcnIsSymmetricOnSymmetricGraphs()
    {
        var g = EdgeNormalizer.Apply(
            GraphOps.Symmetrize(RandomGraphs.Build(61, new RandomGraphOptions(300, 5, EmptyRowFraction: 0.2))),
            EdgeNormalization.Gcn);
        Assert.Equal(RandomGraphs.Edges(g), RandomGraphs.Edges(GraphOps.Transpose(g)));
    }

    [Fact]
    public void UnknownNormalizationIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EdgeNormalizer.Apply(Hand, (EdgeNormalization)99));
}
