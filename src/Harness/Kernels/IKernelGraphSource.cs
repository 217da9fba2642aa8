using MaxK.Graphs;

namespace MaxK.Harness.Kernels;

/// <summary>
/// Where the graph of a kernel case comes from: the one seam between a graph name in a suite or on the command line and
/// a CSR structure on the host. Today <see cref="PresetGraphSource"/> (synthetic presets from a seed); a loader of graph
/// source specs (files, datasets) implements this interface and the runner takes it instead. Each device then weights
/// the structure its own way (the runner's contexts).
/// </summary>
public interface IKernelGraphSource
{
    /// <summary>What <paramref name="graph"/> names, without loading it; an unknown name is a user error.</summary>
    KernelGraphInfo Describe(string graph);

    /// <summary>The graph's structure (edge weights, if any, are replaced by each device's own).</summary>
    CsrGraph Load(string graph, ulong seed);
}
