// maxk_backward_lp_u8.cu: lane-private SSpMM backward kernels for uint8_t CBSR indices (one TU per index type).
#include "maxk_backward_lp.cuh"

namespace mxk {
namespace backward_detail {
MXK_BACKWARD_LP_INSTANTIATE(uint8_t)
}  // namespace backward_detail
}  // namespace mxk
