namespace MaxK.Datasets.GraphArchives;

/// <summary>One graph of the paper's kernel benchmark (design §5.2): its name in the table, node and edge counts, and the synthetic preset that stands in for it.</summary>
public sealed record PaperGraph(string Name, int Nodes, long Edges, string PresetName);
