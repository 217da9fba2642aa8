using MaxK.Graphs;
using MaxK.Tests.Support;

namespace MaxK.Tests.Graphs;

public class DegreeStatisticsTests
{
    [Fact]
    public void HandGraphWithEvenNodeCount()
    {
        // Degrees 0, 2, 3, 1: mean 1.5, median (1 + 2) / 2, population variance 5/4.
        var s = DegreeStatistics.Compute(RandomGraphs.FromRows([[], [0, 1], [0, 1, 2], [3]]));
        Assert.Equal(new DegreeStatistics(4, 6, 0, 3, 1.5, 1.5, Math.Sqrt(1.25), 1), s);
    }

    [Fact]
    public void OddNodeCountTakesMiddleDegree()
    {
        var s = DegreeStatistics.Compute(RandomGraphs.FromRows([[0, 1, 2, 0], [1], [2, 2]]));
        Assert.Equal(2, s.MedianDegree);
        Assert.Equal(1, s.MinDegree);
        Assert.Equal(4, s.MaxDegree);
        Assert.Equal(0, s.ZeroDegreeRows);
    }

    [Fact]
    public void EmptyGraphIsAllZero() =>
        Assert.Equal(new DegreeStatistics(0, 0, 0, 0, 0, 0, 0, 0), DegreeStatistics.Compute(new CsrGraph(0, [0], [])));

    [Fact]
    public void RandomGraphMatchesLinq()
    {
        var g = RandomGraphs.Build(51, new RandomGraphOptions(1_001, 5, EmptyRowFraction: 0.3, HubDegree: 10_050));
        var degrees = Enumerable.Range(0, g.NodeCount).Select(g.Degree).Order().ToArray();
        var mean = degrees.Average();
        var s = DegreeStatistics.Compute(g);
        Assert.Equal(10_050, s.MaxDegree);
        Assert.Equal(degrees.Count(d => d == 0), s.ZeroDegreeRows);
        Assert.Equal(mean, s.MeanDegree, 12);
        Assert.Equal(degrees[500], s.MedianDegree);
        Assert.Equal(Math.Sqrt(degrees.Select(d => (d - mean) * (d - mean)).Average()), s.StdDevDegree, 9);
    }
}
