using MaxK.Formats;

namespace MaxK.Harness.Kernels;

/// <summary>
/// Compulsory DRAM traffic of each GPU kernel, the numerator of its GB/s: every input read once and every output
/// written once, nothing for caches, re-reads, atomics' read-modify-write or the work-partition metadata. So GB/s is
/// a lower bound of the achieved bandwidth and comparable across kernels. N rows, E edges, D dense width, k kept
/// entries, w index bytes (1 for D ≤ 256, else 2); CSR = 4·(N + 1) + 4·E (indices) + 4·E (values).
/// </summary>
public static class ByteModel
{
    /// <summary>The model's one-line description, stored in each record's <c>byte_model</c>.</summary>
    public const string Description =
        "compulsory bytes: each input read once, each output written once; CSR = 4(N+1) + 8E; no partition metadata, caches or atomics";

    /// <summary>Row offsets, column indices and values: 4·(N + 1) + 8·E.</summary>
    public static long Csr(long nodes, long edges) => (4 * (nodes + 1)) + (8 * edges);

    /// <summary>Dense SpMM Y = A·X at width <paramref name="width"/> (cuSPARSE, GNNAdvisor): CSR + X (4·N·W) + Y (4·N·W).</summary>
    public static long Spmm(long nodes, long edges, int width) => Csr(nodes, edges) + (8 * nodes * width);

    /// <summary>MaxK selection: X (4·N·D) read, CBSR values and indices (N·k·(4 + w)) written.</summary>
    public static long Select(long nodes, int dim, int k, CbsrIndexWidth width) => (4 * nodes * dim) + Cbsr(nodes, k, width);

    /// <summary>SpGEMM forward: CSR + CBSR X (N·k·(4 + w)) read, Y (4·N·D) written.</summary>
    public static long Forward(long nodes, long edges, int dim, int k, CbsrIndexWidth width) =>
        Csr(nodes, edges) + Cbsr(nodes, k, width) + (4 * nodes * dim);

    /// <summary>SSpMM backward: CSR + grad_Y (4·N·D) + pattern indices (N·k·w) read, grad_Xs (4·N·k) written.</summary>
    public static long Backward(long nodes, long edges, int dim, int k, CbsrIndexWidth width) =>
        Csr(nodes, edges) + (4 * nodes * dim) + Cbsr(nodes, k, width);

    /// <summary>Backward scatter: grad values and indices (N·k·(4 + w)) read, grad_dense (4·N·D) written.</summary>
    public static long Scatter(long nodes, int dim, int k, CbsrIndexWidth width) => Cbsr(nodes, k, width) + (4 * nodes * dim);

    private static long Cbsr(long nodes, int k, CbsrIndexWidth width) => nodes * k * (4 + (int)width);
}
