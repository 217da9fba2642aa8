using MaxK.Harness.Statistics;

namespace MaxK.Tests.Harness;

public class SampleStatisticsTests
{
    [Fact]
    public void ComputesOrderStatisticsAndSpread()
    {
        var s = SampleStatistics.From([5, 1, 4, 2, 3]);
        Assert.Equal((5, 1.0, 3.0, 3.0, 5.0), (s.N, s.MinMs, s.MedianMs, s.MeanMs, s.MaxMs));
        Assert.Equal(Math.Sqrt(2.5), s.StdDevMs, 12);
        Assert.Null(s.MedianCi95LowMs); // too few samples for a distribution-free 95 % interval
        Assert.Equal(2.5, SampleStatistics.From([1, 2, 3, 4]).MedianMs);
    }

    [Theory]
    [InlineData(6, 0, 5)]
    [InlineData(10, 1, 8)]
    [InlineData(20, 5, 14)]
    public void MedianIntervalUsesBinomialRanks(int n, int low, int high) =>
        Assert.Equal((low, high), SampleStatistics.MedianConfidenceRanks(n));

    [Fact]
    public void RejectsEmptySamples() => Assert.Throws<ArgumentException>(() => SampleStatistics.From([]));
}
