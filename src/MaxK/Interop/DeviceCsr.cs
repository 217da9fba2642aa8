using MaxK.Graphs;

namespace MaxK.Interop;

/// <summary>
/// A <see cref="CsrGraph"/> copied to device memory: three owned <see cref="DeviceBuffer"/>s holding N + 1 int32
/// row offsets, E int32 column indices and E float32 values (the edge weights, or 1 for an unweighted graph).
/// </summary>
public sealed class DeviceCsr : IDisposable
{
    private DeviceCsr(long rows, long columns, DeviceBuffer rowOffsets, DeviceBuffer columnIndices, DeviceBuffer values)
    {
        Rows = rows;
        Columns = columns;
        RowOffsets = rowOffsets;
        ColumnIndices = columnIndices;
        Values = values;
    }

    public long Rows { get; }

    public long Columns { get; }

    /// <summary>E, the number of stored entries.</summary>
    public long NonZeros => ColumnIndices.Length<int>();

    /// <summary>N + 1 int32 offsets.</summary>
    public DeviceBuffer RowOffsets { get; }

    /// <summary>E int32 column indices.</summary>
    public DeviceBuffer ColumnIndices { get; }

    /// <summary>E float32 values.</summary>
    public DeviceBuffer Values { get; }

    /// <summary>Raw pointers for library calls; valid while this object is not disposed.</summary>
    public DeviceCsrView View => new(Rows, Columns, NonZeros, RowOffsets.Pointer, ColumnIndices.Pointer, Values.Pointer);

    /// <summary>Uploads <paramref name="graph"/> (an N × N matrix); synchronous.</summary>
    public static DeviceCsr Upload(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var values = graph.EdgeWeights ?? Enumerable.Repeat(1f, graph.EdgeCount).ToArray();
        DeviceBuffer? rowOffsets = null, columnIndices = null, valueBuffer = null;
        try
        {
            rowOffsets = DeviceBuffer.FromHost<int>(graph.RowPointers);
            columnIndices = DeviceBuffer.FromHost<int>(graph.ColumnIndices);
            valueBuffer = DeviceBuffer.FromHost<float>(values);
            return new DeviceCsr(graph.NodeCount, graph.NodeCount, rowOffsets, columnIndices, valueBuffer);
        }
        catch
        {
            rowOffsets?.Dispose();
            columnIndices?.Dispose();
            valueBuffer?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        RowOffsets.Dispose();
        ColumnIndices.Dispose();
        Values.Dispose();
    }
}
