// maxk_backward_lp_u16.cu: lane-private SSpMM backward kernels for uint16_t CBSR indices (one TU per index type).
#include "maxk_backward_lp.cuh"

namespace mxk {
namespace backward_detail {
MXK_BACKWARD_LP_INSTANTIATE(uint16_t)
}  // namespace backward_detail
}  // namespace mxk
