// maxk_backward_config.h: shape limits and launch defaults of the backward kernels.
#ifndef MXK_MAXK_BACKWARD_CONFIG_H_
#define MXK_MAXK_BACKWARD_CONFIG_H_

namespace mxk {
namespace backward_config {

// SSpMM.
constexpr int kMaxK = 256;
constexpr int kMinDim = 32;
constexpr int kMaxDim = 4096;  // the staged grad_y row: dim * 4 bytes of shared memory per warp
constexpr int kDefaultWarpsPerBlock = 8;
// Lane-private kernels (opt-in, MXK_TUNE_LANE_PRIVATE): 32 copies of the row per warp, 128 * dim bytes.
constexpr int kLpMaxDim = 256;
// Default CSR prefetch (no MXK_TUNE_*PREFETCH* flag): the L2 prefetch of each record's CSR lines
// (MXK_TUNE_PREFETCH_L2) on the one-edge-per-warp-step path (k / 4 >= 16 index vectors, k >= 64, and
// 32 lanes per edge, i.e. no smaller group_lanes tuning).
// Measured on the H200, Reddit-sized graph: k = 64 9.729 -> 9.186 ms; at k = 16 / 32 it costs +2 / +4 %.
constexpr int kL2PrefetchMinSlotVectors = 16;
// Row-group kernel (maxk_backward_rows.cuh) by default when the partition's records are short on average
// (nnz / records <= this), and the most shared memory its G staged rows may take per warp (more groups of
// fewer lanes only while G * dim * 4 bytes fit).
constexpr double kRowGroupsMaxMeanRecordLen = 64.0;
constexpr int kRowGroupsMaxWarpBytes = 8192;

// MaxK backward scatter.
constexpr int kScatterMaxDim = 65536;
constexpr int kScatterFusedMaxDim = 4096;  // rows built in shared memory up to this width
constexpr int kScatterSmemBudget = 32 * 1024;

}  // namespace backward_config
}  // namespace mxk

#endif  // MXK_MAXK_BACKWARD_CONFIG_H_
