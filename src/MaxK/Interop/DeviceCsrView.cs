namespace MaxK.Interop;

/// <summary>
/// A CSR sparse matrix already in device memory, described by raw pointers (not owned): zero-based int32 indices,
/// float32 values, as cuSPARSE's 32I / R_32F mode expects.
/// </summary>
/// <param name="Rows">Number of rows M.</param>
/// <param name="Columns">Number of columns K.</param>
/// <param name="NonZeros">Number of stored entries E.</param>
/// <param name="RowOffsets">Device buffer of M + 1 int32 offsets, non-decreasing from 0 to E.</param>
/// <param name="ColumnIndices">Device buffer of E int32 column indices in [0, K).</param>
/// <param name="Values">Device buffer of E float32 values.</param>
public readonly record struct DeviceCsrView(
    long Rows,
    long Columns,
    long NonZeros,
    IntPtr RowOffsets,
    IntPtr ColumnIndices,
    IntPtr Values);
