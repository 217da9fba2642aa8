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
// Lane-private kernel: 32 copies of the staged grad_y row per warp (128 * dim bytes), so dim <= 256, and by
// default only for long records (avg edges per record * k >= kLpMinEdgeSlots), which amortise the 32 KB
// staging per record.
constexpr int kLpMaxDim = 256;
constexpr double kLpMinEdgeSlots = 4096.0;

// MaxK backward scatter.
constexpr int kScatterMaxDim = 65536;
constexpr int kScatterFusedMaxDim = 4096;  // rows built in shared memory up to this width
constexpr int kScatterSmemBudget = 32 * 1024;

}  // namespace backward_config
}  // namespace mxk

#endif  // MXK_MAXK_BACKWARD_CONFIG_H_
