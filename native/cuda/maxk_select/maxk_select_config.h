// maxk_select_config.h: launch configuration of the MaxK selection kernels.
#ifndef MXK_MAXK_SELECT_CONFIG_H_
#define MXK_MAXK_SELECT_CONFIG_H_

namespace mxk {
namespace select_config {

// Warp-per-row path: the row lives in registers, VPT values per lane (VPT * 32 >= dim).
constexpr int kMaxWarpDim = 1024;
// Warps per block of the warp path; each warp needs k * 8 bytes of shared memory (the candidate list).
constexpr int kWarpsPerBlockSmallK = 8;  // k <= 256: at most 16 KB per block
constexpr int kWarpsPerBlockLargeK = 4;  // k <= 1024: at most 32 KB per block
// Block-per-row path (dim > 1024): 256 threads, candidate list of k <= kMaxBlockK entries (8 bytes each).
constexpr int kBlockThreads = 256;
constexpr int kMaxBlockK = 4096;
constexpr int kMaxDim = 65536;

}  // namespace select_config
}  // namespace mxk

#endif  // MXK_MAXK_SELECT_CONFIG_H_
