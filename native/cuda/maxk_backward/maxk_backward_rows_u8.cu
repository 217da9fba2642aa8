// maxk_backward_rows_u8.cu: row-group SSpMM backward kernels for uint8_t CBSR indices.
#include "maxk_backward_rows.cuh"

namespace mxk {
namespace backward_detail {
MXK_BACKWARD_ROWS_INSTANTIATE(uint8_t)
}  // namespace backward_detail
}  // namespace mxk
