using MaxK.Formats;
using MaxK.Reference;
using MaxK.Selection;
using MaxK.Tests.Support;

namespace MaxK.Tests.Reference;

public class MaxKBackwardScatterReferenceTests
{
    [Fact]
    public void HandPatternScattersIntoZeros()
    {
        var pattern = new Cbsr(2, 3, 2, new float[4], [2, 0, 1, 2]);
        Assert.Equal([7f, 0f, 5f, 0f, -1f, 4f], MaxKBackwardScatterReference.Compute(pattern, [5f, 7f, -1f, 4f]));
    }

    [Theory]
    [InlineData(7, 1)]
    [InlineData(33, 33)]
    [InlineData(300, 20)]
    public void GatherAfterScatterRoundTrips(int dim, int k)
    {
        var pattern = RandomMatrices.Cbsr(131 + dim, 90, dim, k);
        var grad = RandomMatrices.Dense(132, 90 * k);
        var dense = MaxKBackwardScatterReference.Compute(pattern, grad);
        Assert.Equal(grad, Oracles.GatherAtPattern(dense, pattern));
        Assert.Equal(pattern.ScatterToDense(), MaxKBackwardScatterReference.Compute(pattern, pattern.Values));
    }

    [Fact]
    public void EqualsUpstreamGradientMaskedByForwardSelection()
    {
        const int rows = 150, dim = 33, k = 5;
        var h = RandomMatrices.DenseWithTies(133, rows * dim);
        var dOut = RandomMatrices.Dense(134, rows * dim);
        var selection = MaxKSelector.Select(h, rows, dim, k);
        var dH = MaxKBackwardScatterReference.Compute(selection, Oracles.GatherAtPattern(dOut, selection));
        var expected = new float[rows * dim];
        for (var r = 0; r < rows; r++)
        {
            foreach (var (_, column) in Oracles.TopK(h.AsSpan(r * dim, dim), k))
                expected[(r * dim) + column] = dOut[(r * dim) + column];
        }
        Assert.Equal(expected, dH);
    }

    [Fact]
    public void GradientLengthMismatchIsRejected() =>
        Assert.Throws<OperandShapeMismatchException>(() =>
            MaxKBackwardScatterReference.Compute(RandomMatrices.Cbsr(1, 4, 8, 2), new float[7]));
}
