namespace MaxK.Tests.Support;

/// <summary>Shape of a random CSR graph built by <see cref="RandomGraphs"/>.</summary>
/// <param name="NodeCount">N.</param>
/// <param name="MeanDegree">Mean degree of ordinary non-empty rows (degrees uniform in [1, 2·mean − 1]).</param>
/// <param name="EmptyRowFraction">Probability that an ordinary row has no edges.</param>
/// <param name="HubDegree">When > 0, one random row gets exactly this many edges (use > 10,000 for a hub).</param>
/// <param name="Weighted">Random weights in [−1, 1) instead of null weights.</param>
/// <param name="Distinct">When true, a row never repeats a column (degrees are capped at N).</param>
/// <param name="SelfLoops">When false, no edge r → r is generated.</param>
internal sealed record RandomGraphOptions(
    int NodeCount,
    double MeanDegree,
    double EmptyRowFraction = 0,
    int HubDegree = 0,
    bool Weighted = false,
    bool Distinct = false,
    bool SelfLoops = true);
