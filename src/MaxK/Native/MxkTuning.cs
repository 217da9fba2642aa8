using System.Runtime.InteropServices;

namespace MaxK.Native;

/// <summary>
/// Mirror of <c>mxk_tuning_t</c> (four int32): optional launch tuning for the SpGEMM forward and SSpMM backward.
/// All-zero (<c>default</c>) means the library's defaults; pass null to the wrappers for the same.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MxkTuning
{
    /// <summary>0 = default (8); 1..16. Each warp owns one record at a time.</summary>
    public int WarpsPerBlock;

    /// <summary>0 = one record per warp; otherwise the grid is capped and warps loop over records (grid-stride).</summary>
    public int MaxBlocks;

    /// <summary>0 = default; lanes sharing one edge: 1, 2, 4, 8, 16 or 32.</summary>
    public int GroupLanes;

    /// <summary>A sum of <see cref="MxkTuningFlags"/> bits (an int32 in the C struct).</summary>
    public MxkTuningFlags Flags;
}

/// <summary>
/// The <c>MXK_TUNE_*</c> bits of <see cref="MxkTuning.Flags"/>, every one of the header's (a CPU test parses its
/// <c>#define MXK_TUNE_*</c> lines and compares names and values, so a new bit cannot be left out).
/// </summary>
[Flags]
public enum MxkTuningFlags
{
    None = 0,

    /// <summary>MXK_TUNE_SCALAR_SLOTS: force one CBSR slot per lane access.</summary>
    ScalarSlots = 1,

    /// <summary>MXK_TUNE_SHARED_ATOMICS (SpGEMM only): one shared-memory row per warp with shared-memory atomics.</summary>
    SharedAtomics = 2,

    /// <summary>
    /// MXK_TUNE_PARTITIONED_BANKS (SSpMM only, experimental): each edge group gathers from its own bank-confined copy of
    /// the staged grad_y row; vector path with 2..8 groups only, ignored otherwise.
    /// </summary>
    PartitionedBanks = 4,

    /// <summary>
    /// MXK_TUNE_LANE_PRIVATE (SpGEMM and SSpMM, experimental, opt-in): the lane-private kernels, every lane owning a
    /// bank-private copy of the dim-wide row in shared memory. Vector path and dim ≤ 256 only, ignored elsewhere;
    /// warps_per_block is clamped to what fits.
    /// </summary>
    LanePrivate = 8,

    /// <summary>MXK_TUNE_NO_LANE_PRIVATE (SpGEMM and SSpMM): never the lane-private kernels (overrides <see cref="LanePrivate"/>).</summary>
    NoLanePrivate = 16,

    /// <summary>
    /// MXK_TUNE_PREFETCH_WINDOW (SpGEMM and SSpMM, default kernels, vector path): L2 prefetch of each record's CSR lines
    /// plus cp.async staging of every 32-edge window's columns and weights two windows ahead (sm_80+).
    /// </summary>
    PrefetchWindow = 32,

    /// <summary>
    /// MXK_TUNE_PREFETCH_L2: only the L2 prefetch of the record's CSR lines. The library already uses it by default where it
    /// measured faster (SpGEMM with ≥ 8 KB accumulation rows per warp, SSpMM for k ≥ 64 on the vector path).
    /// </summary>
    PrefetchL2 = 64,

    /// <summary>MXK_TUNE_NO_PREFETCH: neither prefetch (overrides the two flags above and the library's default choice).</summary>
    NoPrefetch = 128,

    /// <summary>MXK_TUNE_DIAGNOSTIC_SKIP_ACCUMULATE: results are WRONG; for cost breakdowns only.</summary>
    DiagnosticSkipAccumulate = 256,

    /// <summary>
    /// MXK_TUNE_ROW_GROUPS (SpGEMM and SSpMM, vector path): force the row-group kernels, in which every lane group of a
    /// warp owns its own record (records taken longest first). The library's default for short records.
    /// </summary>
    RowGroups = 512,

    /// <summary>MXK_TUNE_NO_ROW_GROUPS: never use the row-group kernels (the warp-per-record kernels instead).</summary>
    NoRowGroups = 1024,
}
