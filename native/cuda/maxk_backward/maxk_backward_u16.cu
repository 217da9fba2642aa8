// maxk_backward_u16.cu: SSpMM backward kernels for uint16_t CBSR indices (one translation unit per index type).
#include "maxk_backward_kernel.cuh"

namespace mxk {
namespace backward_detail {
MXK_BACKWARD_INSTANTIATE(uint16_t)
}  // namespace backward_detail
}  // namespace mxk
