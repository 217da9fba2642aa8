// maxk_forward_config.h: shape limits and launch defaults of the SpGEMM forward kernel.
#ifndef MXK_MAXK_FORWARD_CONFIG_H_
#define MXK_MAXK_FORWARD_CONFIG_H_

namespace mxk {
namespace forward_config {

constexpr int kMaxK = 256;            // slots per lane <= 8 with 32-lane groups
constexpr int kMinDim = 32;
constexpr int kMaxDim = 4096;         // one 16 KB accumulation row per warp at most
constexpr int kDefaultWarpsPerBlock = 8;
// Upper bound on the accumulation buffers per warp (groups * dim * 4 bytes): more groups (smaller groups
// of lanes, several edges of a record at once) only while they fit in 8 KB per warp.
constexpr int kMaxWarpBufferBytes = 8192;
// Lane-private kernels (opt-in, MXK_TUNE_LANE_PRIVATE): 32 copies of the row per warp, 128 * dim bytes.
constexpr int kLpMaxDim = 256;
// Default CSR prefetch (no MXK_TUNE_*PREFETCH* flag): the L2 prefetch of each record's CSR lines
// (MXK_TUNE_PREFETCH_L2) when the accumulation buffers take >= 8 KB per warp, i.e. when shared memory limits
// the SM to ~24 warps and the kernel is latency-sensitive (k <= 16 at dim 256). Measured on the H200,
// Reddit-sized graph: k = 16 2.803 -> 2.771 ms; at k = 32 / 64 (4 / 2 KB per warp) it costs +2.7 / +1.1 %.
constexpr int kL2PrefetchMinWarpBytes = 8192;
// Row-group kernel (maxk_forward_rows.cuh) by default when the partition's records are short on average
// (nnz / records <= this): low-degree graphs, where the default kernel's per-record flush of G rows dominates.
constexpr double kRowGroupsMaxMeanRecordLen = 64.0;

}  // namespace forward_config
}  // namespace mxk

#endif  // MXK_MAXK_FORWARD_CONFIG_H_
