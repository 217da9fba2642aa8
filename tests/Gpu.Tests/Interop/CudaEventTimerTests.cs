using MaxK.GpuTests.Support;
using MaxK.Interop;

namespace MaxK.GpuTests.Interop;

public class CudaEventTimerTests
{
    [Fact]
    public void TimesEveryRunAndCallsTheCallbackInOrder()
    {
        GpuAvailability.RequireCuda();
        using var buffer = DeviceBuffer.Allocate(512L << 20);
        using var flusher = new L2Flusher();
        var calls = new List<int>();
        var timer = new CudaEventTimer(warmupRuns: 2, timedRuns: 5);

        var times = timer.Time(buffer.FillZero, run =>
        {
            calls.Add(run);
            flusher.Flush();
        });

        Assert.Equal(5, times.Length);
        Assert.Equal(Enumerable.Range(0, 7), calls);
        // 512 MiB written at < 10 TB/s takes > 0.05 ms; anything over a second means the timer is broken.
        Assert.All(times, t => Assert.InRange(t, 0.05, 1000));
    }

    [Fact]
    public void SeparatesLongerWorkFromShorterWork()
    {
        GpuAvailability.RequireCuda();
        using var small = DeviceBuffer.Allocate(16L << 20);
        using var large = DeviceBuffer.Allocate(1L << 30);
        var timer = new CudaEventTimer(1, 5);
        var smallMedian = Median(timer.Time(small.FillZero));
        var largeMedian = Median(timer.Time(large.FillZero));
        Assert.True(largeMedian > 4 * smallMedian, $"1 GiB memset {largeMedian} ms vs 16 MiB {smallMedian} ms");
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
