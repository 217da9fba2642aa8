using System.Diagnostics;
using MaxK.Harness.Vocabulary;
using MaxK.Interop;

namespace MaxK.Harness.Timing;

/// <summary>
/// The released MaxK-GNN kernel benchmark's own protocol, so that our kernels can be compared with it on its terms: a host
/// clock around the launch followed by a device synchronise, 4 warm-up and 4 timed runs, no L2 flush; the figure its
/// authors print is the MEAN of the 4 (records keep the 4 samples; comparisons under this protocol use <c>mean_ms</c>).
/// Launch overhead (host-side submission) is inside every sample, as in theirs.
/// </summary>
public sealed record ReleasedHostMean4() : GpuTimingProtocol(4, 4)
{
    public static TimingProtocol Kind => TimingProtocol.ReleasedHostMean4;

    public override string Name => Kind.Word();

    public override string Description =>
        "the released MaxK-GNN protocol: host clock around launch + cudaDeviceSynchronize, 4 warm-up + 4 timed runs per case after one "
        + "verified run, no L2 flush; mean of the 4";

    public override double[] Time(Action kernel, Action flush)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        for (var i = 0; i < WarmupRuns; i++)
        {
            kernel();
            CudaRuntime.Synchronize();
        }
        var samples = new double[TimedRuns];
        for (var i = 0; i < TimedRuns; i++)
        {
            var start = Stopwatch.GetTimestamp();
            kernel();
            CudaRuntime.Synchronize();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        CudaRuntime.ThrowIfLastError("released-host-mean4 timing");
        return samples;
    }
}
