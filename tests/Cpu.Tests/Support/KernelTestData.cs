using MaxK.Graphs.Synthetic;
using MaxK.Harness.Kernels;
using MaxK.Harness.Results;
using MaxK.Harness.Runner;
using MaxK.Harness.Suites;
using MaxK.Harness.Vocabulary;

namespace MaxK.Tests.Support;

/// <summary>Kernel cases and records as the runner makes them, for tests of the pure parts (plans, records, speed-ups).</summary>
internal static class KernelTestData
{
    /// <summary>The GPU cases of one graph for <c>maxk kernels</c> with <paramref name="options"/>.</summary>
    public static IReadOnlyList<KernelCase> GpuPlan(KernelSuiteOptions options, string graph) =>
        KernelCatalog.Plan(ComputeDevice.Cuda, new KernelPlanRequest(graph, options.Dim, options.Ks, options.Seed));

    /// <summary>The record of a GPU case on a preset graph (<see cref="KernelRecords.Build"/>).</summary>
    public static CaseRecord GpuRecord(KernelCase c, GraphPreset preset, int nodes, long edges, string gpuName, CaseOutcome? outcome, string? error, int warmup = 0) =>
        KernelRecords.Build(c, ComputeDevice.Cuda, PresetGraphSource.Instance.Describe(preset.Name), nodes, edges, gpuName, warmup, outcome, error);
}
