namespace MaxK.Datasets.GraphArchives;

/// <summary>
/// Whether one paper graph is available as real files. <see cref="Spec"/> is the graph source to use: <c>csr:DIR/NAME</c>
/// when real (<see cref="IsReal"/>), else the synthetic preset. <see cref="Detail"/> says why it fell back (missing, or
/// counts that differ from the table) or, for a real graph found under another file name, which file.
/// </summary>
public sealed record PaperGraphStatus(PaperGraph Graph, bool IsReal, string Spec, string Detail);
