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
// Lane-private kernels: 32 copies of the row per warp (128 * dim bytes), so dim <= 256 (32 KB per warp), and
// by default only for long records: the per-record flush (8 KB read + 8 KB zeroed per 64 columns) must be
// amortised over the record's edge slots (avg edges per record * k >= kLpMinEdgeSlots).
constexpr int kLpMaxDim = 256;
constexpr double kLpMinEdgeSlots = 4096.0;

}  // namespace forward_config
}  // namespace mxk

#endif  // MXK_MAXK_FORWARD_CONFIG_H_
