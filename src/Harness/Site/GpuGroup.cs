using MaxK.Harness.Kernels;
using MaxK.Harness.Results;
using MaxK.Harness.Vocabulary;

namespace MaxK.Harness.Site;

/// <summary>
/// All runs of one GPU (or of CPU-only hosts). The kernel and training figures of its pages come from headline runs only
/// (<see cref="RunRole.Headline"/>): for every case id the newest headline run with a time for it, our kernels under this
/// harness's protocol of their device (never the released code's peer records or ours under its protocol). Loads-only floors come from any run
/// (they are diagnostic by nature and shown as such); the training records of diagnostic and probe runs are kept apart
/// (<see cref="OtherTraining"/>). Kernel analysis uses the GPU cases when there are any, otherwise the CPU cases.
/// </summary>
public sealed class GpuGroup
{
    public GpuGroup(string gpu, IReadOnlyList<SiteRun> runs)
    {
        Gpu = gpu;
        Runs = runs;
        var latest = new Dictionary<string, SiteCase>(StringComparer.Ordinal);
        var training = new Dictionary<string, (TrainingRecord, SiteRun)>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            var headline = run.Role == RunRole.Headline;
            foreach (var c in run.Result.Cases.Where(c => c.MedianMs is > 0 && !c.Peer && c.Protocol == DefaultProtocol(c) && (headline || c.Diagnostic == true)))
                latest[c.Id] = new SiteCase(c, run);
            if (headline)
            {
                foreach (var t in run.Training)
                    training[t.Id] = (t, run);
            }
        }
        var all = latest.Values.ToList();
        var device = all.Any(c => c.Case.IsOn(ComputeDevice.Cuda)) ? ComputeDevice.Cuda : ComputeDevice.Cpu;
        Cases = all.Where(c => c.Case.IsOn(device))
            .OrderBy(c => c.Case.Edges).ThenBy(c => c.Case.Graph, StringComparer.Ordinal).ThenBy(c => c.Case.Id, StringComparer.Ordinal).ToList();
        Training = training.Values.OrderBy(t => t.Item1.Dataset, StringComparer.Ordinal).ThenBy(t => t.Item1.Model, StringComparer.Ordinal)
            .ThenBy(t => t.Item1.IsMaxk).ThenBy(t => t.Item1.K ?? 0).ThenBy(t => t.Item1.Id, StringComparer.Ordinal).ToList();
        OtherTraining = [.. runs.Where(r => r.Role != RunRole.Headline).SelectMany(r => r.Training.Select(t => (t, r)))];
    }

    /// <summary>This harness's protocol on the record's device: CUDA events with L2 flushing on a GPU, the host clock on a CPU.</summary>
    private static TimingProtocol DefaultProtocol(CaseRecord c) => c.IsOn(ComputeDevice.Cuda) ? TimingProtocol.CudaEventsL2Flushed : TimingProtocol.HostClock;

    public string Gpu { get; }
    public string Anchor => "gpu-" + Html.Slug(Gpu);
    public IReadOnlyList<SiteRun> Runs { get; }

    /// <summary>Latest timed kernel cases of headline runs, plus loads-only floors of any run (GPU cases if the group has any), ordered by graph size, graph and id.</summary>
    public IReadOnlyList<SiteCase> Cases { get; }

    /// <summary>Latest training records of headline runs with their runs, ordered by dataset, model, nonlinearity and k.</summary>
    public IReadOnlyList<(TrainingRecord Record, SiteRun Run)> Training { get; }

    /// <summary>Training records of diagnostic and probe runs, in run order: shown apart, never in a headline.</summary>
    public IReadOnlyList<(TrainingRecord Record, SiteRun Run)> OtherTraining { get; }

    /// <summary>Graphs in order of size (edges), then name.</summary>
    public IReadOnlyList<string> Graphs => Cases.Select(c => c.Case.Graph).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The measured device bandwidth in GB/s: the newest <see cref="KernelNames.DeviceCopy"/> record's gb_per_s, or null if not measured.</summary>
    public SiteCase? BandwidthRecord => Cases.Where(c => c.Case.Kernel == KernelNames.DeviceCopy && c.Case.GbPerS is > 0)
        .OrderBy(c => c.Run.Started).LastOrDefault();

    /// <summary>Theoretical DRAM bandwidth from the newest manifest with clocks (memory clock × bus width × 2 for DDR), GB/s.</summary>
    public double? TheoreticalBandwidthGbPerS => Runs.Select(r => r.Result.Manifest).Where(m => m.GpuMemoryClockKhz is > 0 && m.GpuMemoryBusWidthBits is > 0)
        .Select(m => (double?)(m.GpuMemoryClockKhz!.Value * 1e3 * 2 * m.GpuMemoryBusWidthBits!.Value / 8 / 1e9)).LastOrDefault();

    /// <summary>True when the group has at least one headline run.</summary>
    public bool HasHeadline => Runs.Any(r => r.Role == RunRole.Headline);

    /// <summary>Groups runs by GPU name in ordinal order.</summary>
    public static IReadOnlyList<GpuGroup> From(IReadOnlyList<SiteRun> runs) =>
        runs.GroupBy(r => r.GpuName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GpuGroup(g.Key, g.ToList())).ToList();
}
