using MaxK.Graphs;

namespace MaxK.Sources;

/// <summary>
/// A graph from a source with its provenance. <see cref="Name"/> is a short file-name-safe name (the preset, the CSR
/// name, the edge list's file name, the dataset), used by `maxk graph import` for the files it writes.
/// </summary>
public sealed record LoadedGraph(string Name, CsrGraph Graph, GraphProvenance Provenance);
