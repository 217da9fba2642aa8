using MaxK.Graphs;
using MaxK.Tests.Support;

namespace MaxK.Tests.Graphs;

public class RowBlocksAndPrefixSumTests
{
    [Fact]
    public void PrefixSumGivesOffsets() => Assert.Equal([0, 3, 3, 7], PrefixSum.Exclusive([3, 0, 4]));

    [Fact]
    public void PrefixSumBeyondInt32LimitThrows()
    {
        var ex = Assert.Throws<EdgeCountOverflowException>(() => PrefixSum.Exclusive([int.MaxValue, 1]));
        Assert.Equal((long)int.MaxValue + 1, ex.Requested);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(64)]
    public void BlocksAreStrictlyIncreasingAndCoverAllRows(int maxBlocks)
    {
        var g = RandomGraphs.Build(41, new RandomGraphOptions(20_000, 3, HubDegree: 40_000));
        var bounds = RowBlocks.Create(g.RowPointers, g.NodeCount, maxBlocks);
        Assert.Equal(0, bounds[0]);
        Assert.Equal(g.NodeCount, bounds[^1]);
        Assert.InRange(bounds.Length - 1, 1, maxBlocks);
        Assert.All(bounds.Zip(bounds.Skip(1)), p => Assert.True(p.First < p.Second));
    }

    [Fact]
    public void EmptyGraphHasNoBlocks() => Assert.Equal([0], RowBlocks.Create([0], 0, 8));
}
