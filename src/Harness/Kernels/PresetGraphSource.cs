using MaxK.Graphs;
using MaxK.Graphs.Synthetic;

namespace MaxK.Harness.Kernels;

/// <summary>Kernel graphs by preset name (<see cref="GraphPresets"/>): synthetic, generated from the seed.</summary>
public sealed class PresetGraphSource : IKernelGraphSource
{
    public static PresetGraphSource Instance { get; } = new();

    public KernelGraphInfo Describe(string graph)
    {
        var preset = GraphPresets.Get(graph);
        return new KernelGraphInfo(preset.Name, preset.IsSynthetic, preset.Label, preset.Nodes, preset.Edges);
    }

    public CsrGraph Load(string graph, ulong seed) => GraphPresets.Get(graph).Generate(seed);
}
