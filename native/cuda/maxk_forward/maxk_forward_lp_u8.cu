// maxk_forward_lp_u8.cu: lane-private SpGEMM forward kernels for uint8_t CBSR indices (one TU per index type).
#include "maxk_forward_lp.cuh"

namespace mxk {
namespace forward_detail {
MXK_FORWARD_LP_INSTANTIATE(uint8_t)
}  // namespace forward_detail
}  // namespace mxk
