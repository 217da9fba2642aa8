// maxk_backward_u8.cu: SSpMM backward kernels for uint8_t CBSR indices (one translation unit per index type).
#include "maxk_backward_kernel.cuh"

namespace mxk {
namespace backward_detail {
MXK_BACKWARD_INSTANTIATE(uint8_t)
}  // namespace backward_detail
}  // namespace mxk
