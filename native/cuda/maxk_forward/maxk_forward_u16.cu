// maxk_forward_u16.cu: SpGEMM forward kernels for uint16 CBSR indices (one translation unit per index type).
#include "maxk_forward_kernel.cuh"

namespace mxk {
namespace forward_detail {
MXK_FORWARD_INSTANTIATE(uint16_t)
}  // namespace forward_detail
}  // namespace mxk
