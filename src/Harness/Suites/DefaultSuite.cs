using MaxK.Graphs.Synthetic;

namespace MaxK.Harness.Suites;

/// <summary>
/// The suite behind <c>./build.sh Benchmark</c>. It adapts to the host: CPU reference kernels on small embedded
/// synthetic graphs always run (each verified, then timed); the GPU cases (Reddit-sized graphs, D = 256,
/// k ∈ {16, 32, 64}, MaxK kernels against cuSPARSE and the GNNAdvisor-style baseline) need CUDA.
/// </summary>
public static class DefaultSuite
{
    public const string Name = "default";
    public const ulong Seed = 42;

    /// <summary>Graphs of the CPU subset: small enough for CI (seconds), one uniform and one power-law.</summary>
    public static readonly string[] CpuGraphs = [GraphPresets.TinyUniform.Name, GraphPresets.SmallRmat.Name];

    /// <summary>Graphs of the GPU part: the uniform and R-MAT Reddit-sized graphs.</summary>
    public static readonly string[] GpuGraphs = [GraphPresets.RedditUniform.Name, GraphPresets.RedditRmat.Name];

    public static readonly int[] Ks = [16, 32, 64];
    public const int Dim = 256;

    /// <summary>The GPU part as a kernel benchmark: <see cref="GpuGraphs"/>, D = <see cref="Dim"/>, k ∈ <see cref="Ks"/>.</summary>
    public static Gpu.KernelBenchmarkOptions GpuOptions(int runs, int warmup) => new()
    {
        Graphs = GpuGraphs, Dim = Dim, Ks = Ks, Runs = runs, Warmup = warmup, Seed = Seed,
    };

    /// <param name="gpuUnavailableReason">
    /// Null when the GPU part can run (CUDA device, runtime, cuSPARSE and the native library present); otherwise why not.
    /// </param>
    public static SuitePlan Plan(string? gpuUnavailableReason)
    {
        var cases = new List<KernelCase>();
        foreach (var graph in CpuGraphs)
        {
            cases.Add(new KernelCase(KernelNames.DenseSpmm, KernelNames.CpuReference, graph, Dim, 0, Seed));
            foreach (var k in Ks)
            {
                cases.Add(new KernelCase(KernelNames.MaxKSelect, KernelNames.CpuReference, graph, Dim, k, Seed));
                cases.Add(new KernelCase(KernelNames.MaxKForward, KernelNames.CpuReference, graph, Dim, k, Seed));
                cases.Add(new KernelCase(KernelNames.MaxKBackward, KernelNames.CpuReference, graph, Dim, k, Seed));
            }
        }
        var skipped = new List<SkippedWork>();
        var gpuReason = gpuUnavailableReason;
        if (gpuReason is not null)
        {
            var what = $"GPU kernels {string.Join(", ", KernelNames.Gpu)} on {string.Join(", ", GpuGraphs)} "
                + $"(D = {Dim}, k = {string.Join("/", Ks)})";
            skipped.Add(new SkippedWork(what, gpuReason));
        }
        return new SuitePlan(Name, cases, skipped);
    }
}
