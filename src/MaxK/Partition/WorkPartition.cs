using MaxK.Graphs;

namespace MaxK.Partition;

/// <summary>
/// The degree-splitting record list shared by the MaxK forward and backward kernels (design §3.0). Rows are
/// walked in order; a row of degree 0 yields no record; a row of degree d yields ⌈d / W⌉ consecutive records
/// of at most W edges (all but the last exactly W). Record count U = Σ_r ⌈d_r / W⌉.
/// </summary>
public sealed class WorkPartition
{
    /// <summary>W of the reference implementation: 64 edges per record.</summary>
    public const int DefaultMaxEdgesPerRecord = 64;

    private readonly WorkRecord[] _records;

    private WorkPartition(WorkRecord[] records, int maxEdgesPerRecord)
    {
        _records = records;
        MaxEdgesPerRecord = maxEdgesPerRecord;
    }

    /// <summary>The records in row order, then edge order.</summary>
    public ReadOnlyMemory<WorkRecord> Records => _records;

    /// <summary>U, the number of records.</summary>
    public int Count => _records.Length;

    /// <summary>W, the largest number of edges in one record.</summary>
    public int MaxEdgesPerRecord { get; }

    /// <summary>Builds the record list in parallel over row blocks; O(N + U).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxEdgesPerRecord"/> &lt; 1.</exception>
    public static WorkPartition Build(CsrGraph graph, int maxEdgesPerRecord = DefaultMaxEdgesPerRecord)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEdgesPerRecord, 1);
        var rp = graph.RowPointers;
        var counts = new int[graph.NodeCount];
        RowBlocks.ForEach(graph, (first, end) =>
        {
            for (var r = first; r < end; r++)
                counts[r] = (int)(((long)rp[r + 1] - rp[r] + maxEdgesPerRecord - 1) / maxEdgesPerRecord);
        });
        var offsets = PrefixSum.Exclusive(counts);
        var records = new WorkRecord[offsets[^1]];
        RowBlocks.ForEach(graph, (first, end) =>
        {
            for (var r = first; r < end; r++)
            {
                var p = offsets[r];
                for (long start = rp[r]; start < rp[r + 1]; start += maxEdgesPerRecord)
                    records[p++] = new WorkRecord(r, (int)start, (int)Math.Min(maxEdgesPerRecord, rp[r + 1] - start));
            }
        });
        return new WorkPartition(records, maxEdgesPerRecord);
    }

    /// <summary>
    /// The native layout: 4 int32 per record (row, start, length, 0), so a GPU warp reads a record with one
    /// 16-byte load. Length 4·U.
    /// </summary>
    public int[] ToInt4()
    {
        var packed = new int[checked(4 * _records.Length)];
        for (var i = 0; i < _records.Length; i++)
        {
            packed[4 * i] = _records[i].Row;
            packed[(4 * i) + 1] = _records[i].Start;
            packed[(4 * i) + 2] = _records[i].Length;
        }
        return packed;
    }
}
