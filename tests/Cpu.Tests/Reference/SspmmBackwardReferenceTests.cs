using MaxK.Formats;
using MaxK.Graphs;
using MaxK.Reference;
using MaxK.Tests.Support;

namespace MaxK.Tests.Reference;

public class SspmmBackwardReferenceTests
{
    [Fact]
    public void HandNonSymmetricGraphUsesTheTranspose()
    {
        // A: 0 → 1 (w 2), 1 → 2 (w 3), 2 → 1 (w 1). (AᵀG) rows: c0 = 0, c1 = 2·G0 + G2, c2 = 3·G1.
        var a = RandomGraphs.FromRows([[1], [2], [1]], [2f, 3f, 1f]);
        float[] g = [1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f];
        var pattern = new Cbsr(3, 3, 2, new float[6], [0, 2, 2, 0, 1, 2]);
        Assert.Equal([0f, 0f, 15f, 9f, 15f, 18f], SspmmBackwardReference.Compute(a, g, pattern));
    }

    [Theory]
    [InlineData(121, 7, 1, true)]
    [InlineData(122, 7, 7, false)]
    [InlineData(123, 33, 16, true)]
    [InlineData(124, 256, 32, true)]
    [InlineData(125, 300, 1, false)]
    [InlineData(126, 300, 300, true)]
    public void EqualsTransposedDenseSpmmGatheredAtPattern(int seed, int dim, int k, bool weighted)
    {
        var a = RandomGraphs.Build(seed, new RandomGraphOptions(1_000, 6, EmptyRowFraction: 0.2, HubDegree: 10_100, Weighted: weighted));
        var pattern = RandomMatrices.Cbsr(seed, a.NodeCount, dim, k);
        var g = RandomMatrices.Dense(seed + 1, a.NodeCount * dim);
        var transposedProduct = DenseSpmmReference.Compute(GraphOps.Transpose(a), g, dim);
        // Aᵀ's rows list sources in CSR order, so the sums and their rounding agree exactly.
        Assert.Equal(Oracles.GatherAtPattern(transposedProduct, pattern), SspmmBackwardReference.Compute(a, g, pattern));
    }

    [Fact]
    public void ResultDoesNotDependOnTheNumberOfRanges()
    {
        var a = RandomGraphs.Build(127, new RandomGraphOptions(900, 7, EmptyRowFraction: 0.1, HubDegree: 10_400, Weighted: true));
        var pattern = RandomMatrices.Cbsr(127, a.NodeCount, 33, 9);
        var g = RandomMatrices.Dense(128, a.NodeCount * 33);
        var single = SspmmBackwardReference.Compute(a, g, pattern, 1);
        foreach (var ranges in new[] { 2, 3, 7, 64 })
            Assert.Equal(single, SspmmBackwardReference.Compute(a, g, pattern, ranges));
    }

    [Fact]
    public void BadOperandsAreRejected()
    {
        var a = RandomGraphs.FromRows([[1], [0]]);
        var pattern = RandomMatrices.Cbsr(1, 2, 4, 2);
        Assert.Throws<OperandShapeMismatchException>(() => SspmmBackwardReference.Compute(a, new float[7], pattern));
        Assert.Throws<OperandShapeMismatchException>(() =>
            SspmmBackwardReference.Compute(a, new float[12], RandomMatrices.Cbsr(1, 3, 4, 2)));
    }
}
