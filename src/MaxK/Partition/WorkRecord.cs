namespace MaxK.Partition;

/// <summary>
/// One unit of kernel work (design §3.0): edges [Start, Start + Length) of CSR row <see cref="Row"/>.
/// </summary>
/// <param name="Row">The CSR row (output row of the forward, source row of the backward).</param>
/// <param name="Start">Absolute offset of the first edge in the CSR column/weight arrays.</param>
/// <param name="Length">Number of edges, in [1, maxEdgesPerRecord].</param>
public readonly record struct WorkRecord(int Row, int Start, int Length);
