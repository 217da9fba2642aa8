using MaxK.Harness.Site.Charts;

namespace MaxK.Tests.Site;

public sealed class SvgChartTests
{
    [Fact]
    public void LineChartHasTitleAxisLabelsLegendAndPointTitles()
    {
        var chart = new SvgLineChart { Title = "T <1>", XLabel = "k (log scale)", YLabel = "speed-up (×)", XLogBase = 2 };
        chart.Series.Add(new ChartSeries("fwd", [new ChartPoint(16, 8, "k=16 <a>"), new ChartPoint(64, 2, "k=64")]));
        chart.References.Add(new ReferenceLine("ALG2 (1×)", 1));
        var svg = chart.Render("c1");

        Assert.StartsWith("<svg class=\"chart\" id=\"c1\"", svg);
        Assert.Contains("<title id=\"c1-t\">T &lt;1&gt;</title>", svg);
        Assert.Contains(">k (log scale)</text>", svg);
        Assert.Contains(">speed-up (×)</text>", svg);
        Assert.Contains("<title>k=16 &lt;a&gt;</title>", svg);
        Assert.Contains(">fwd</text>", svg);
        Assert.Contains("<polyline", svg);
        // log2 axis from 16 to 64: ticks 16, 32, 64
        Assert.Contains(">16</text>", svg);
        Assert.Contains(">32</text>", svg);
        Assert.Contains(">64</text>", svg);
    }

    [Fact]
    public void AxisMapsLogAndLinearValues()
    {
        var log = new ChartAxis([1e3, 1e6], 10, fromZero: false);
        Assert.Equal(0, log.Fraction(1e3), 9);
        Assert.Equal(1, log.Fraction(1e6), 9);
        Assert.Equal(4, log.Ticks.Count);
        var lin = new ChartAxis([0.3, 9.2], 0, fromZero: true);
        Assert.Equal(0, lin.Ticks[0]);
        Assert.True(lin.Ticks[^1] >= 9.2);
    }

    [Fact]
    public void StackedBarsStackEveryPart()
    {
        var chart = new SvgStackedBarChart { Title = "Epoch", YLabel = "ms", Parts = ["a", "b"] };
        chart.Bars.Add(("relu", [3.0, 1.0]));
        var svg = chart.Render("s1");
        Assert.Contains("<title>relu: a 3.000 ms</title>", svg);
        Assert.Contains("<title>relu: b 1.000 ms</title>", svg);
        Assert.Equal(5, svg.Split("<rect ").Length - 1); // 2 segments, 2 legend swatches, the frame
    }
}
