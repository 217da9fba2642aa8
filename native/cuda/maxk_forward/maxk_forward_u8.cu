// maxk_forward_u8.cu: SpGEMM forward kernels for uint8 CBSR indices (one translation unit per index type).
#include "maxk_forward_kernel.cuh"

namespace mxk {
namespace forward_detail {
MXK_FORWARD_INSTANTIATE(uint8_t)
}  // namespace forward_detail
}  // namespace mxk
