using MaxK.Partition;
using MaxK.Tests.Support;

namespace MaxK.Tests.Partition;

public class WorkPartitionTests
{
    [Fact]
    public void HandGraphIsCutIntoChunksOfAtMost64()
    {
        // Degrees 0, 3, 130, 64, 65.
        int[] degrees = [0, 3, 130, 64, 65];
        var g = RandomGraphs.FromRows([.. degrees.Select(d => new int[d])]);
        var p = WorkPartition.Build(g);
        WorkRecord[] expected =
        [
            new(1, 0, 3), new(2, 3, 64), new(2, 67, 64), new(2, 131, 2),
            new(3, 133, 64), new(4, 197, 64), new(4, 261, 1),
        ];
        Assert.Equal(expected, p.Records.ToArray());
        Assert.Equal(7, p.Count);
        Assert.Equal(64, p.MaxEdgesPerRecord);
    }

    [Fact]
    public void ToInt4PacksRowStartLengthAndZero()
    {
        var g = RandomGraphs.FromRows([[0, 1, 2], [], [1]]);
        Assert.Equal([0, 0, 2, 0, 0, 2, 1, 0, 2, 3, 1, 0], WorkPartition.Build(g, 2).ToInt4());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void RecordsCoverEveryEdgeOnceInOrder(int maxEdges)
    {
        var g = RandomGraphs.Build(91, new RandomGraphOptions(3_000, 40, EmptyRowFraction: 0.2, HubDegree: 10_300));
        var p = WorkPartition.Build(g, maxEdges);
        var expectedCount = Enumerable.Range(0, g.NodeCount).Sum(r => (g.Degree(r) + maxEdges - 1) / maxEdges);
        Assert.Equal(expectedCount, p.Count);
        var next = 0;
        var lastRow = -1;
        foreach (var record in p.Records.Span)
        {
            Assert.Equal(next, record.Start);
            Assert.InRange(record.Length, 1, maxEdges);
            Assert.True(record.Row >= lastRow);
            Assert.InRange(record.Start + record.Length, g.RowPointers[record.Row] + 1, g.RowPointers[record.Row + 1]);
            // Only a row's last record may be short.
            Assert.True(record.Length == maxEdges || record.Start + record.Length == g.RowPointers[record.Row + 1]);
            next += record.Length;
            lastRow = record.Row;
        }
        Assert.Equal(g.EdgeCount, next);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-64)]
    public void NonPositiveRecordLengthIsRejected(int maxEdges) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkPartition.Build(RandomGraphs.FromRows([[0]]), maxEdges));

    [Fact]
    public void GraphWithoutEdgesHasNoRecords() =>
        Assert.Empty(WorkPartition.Build(RandomGraphs.FromRows([[], []])).ToInt4());
}
