using MaxK.Graphs;
using MaxK.Graphs.Io;

namespace MaxK.Harness.Peers.Released;

/// <summary>
/// The working folder W the released MaxK-GNN kernels (harveyp123/MaxK-GNN, <c>kernels/</c>) expect, run from
/// <c>W/build</c>: graphs as raw int32 CSR at <c>W/graphs/NAME.indptr</c> and <c>NAME.indices</c> (exactly our format,
/// written by <see cref="RawCsrFiles"/>, weights left out: the released code draws its own), and its work partition at
/// <c>W/w12_nz64_warp_4/NAME.warp4</c>: int32 quadruples (row, start, length, 0), one per chunk of at most 64 consecutive
/// CSR entries of a row, rows in order, rows of degree 0 skipped, start = the chunk's first CSR position. The interface
/// is all we use of the released code: it is treated as a black box.
/// </summary>
public static class ReleasedLayout
{
    /// <summary>Edges per chunk of the released partition ("nz64").</summary>
    public const int ChunkEdges = 64;

    public const string GraphsFolder = "graphs";
    public const string MetadataFolder = "w12_nz64_warp_4";
    public const string MetadataExtension = ".warp4";
    public const string BuildFolder = "build";

    /// <summary>Writes <paramref name="graph"/>'s structure and partition under <paramref name="workDirectory"/> as <paramref name="name"/>.</summary>
    public static void Write(string workDirectory, string name, CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Directory.CreateDirectory(Path.Combine(workDirectory, BuildFolder));
        var structure = graph.EdgeWeights is null ? graph : new CsrGraph(graph.NodeCount, graph.RowPointers, graph.ColumnIndices, null);
        RawCsrFiles.Write(Path.Combine(workDirectory, GraphsFolder), name, structure);
        var metadata = Path.Combine(workDirectory, MetadataFolder);
        Directory.CreateDirectory(metadata);
        RawArrayFile.WriteAtomically<int>(Path.Combine(metadata, name + MetadataExtension), Metadata(graph));
    }

    /// <summary>The released partition of <paramref name="graph"/>: 4 int32 per chunk (row, start, length, 0).</summary>
    public static int[] Metadata(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var rows = graph.RowPointers;
        long chunks = 0;
        for (var r = 0; r < graph.NodeCount; r++)
            chunks += (rows[r + 1] - rows[r] + ChunkEdges - 1) / ChunkEdges;
        var meta = new int[checked((int)(chunks * 4))];
        var at = 0;
        for (var r = 0; r < graph.NodeCount; r++)
        {
            for (var start = rows[r]; start < rows[r + 1]; start += ChunkEdges)
            {
                meta[at++] = r;
                meta[at++] = start;
                meta[at++] = Math.Min(ChunkEdges, rows[r + 1] - start);
                meta[at++] = 0;
            }
        }
        return meta;
    }
}
