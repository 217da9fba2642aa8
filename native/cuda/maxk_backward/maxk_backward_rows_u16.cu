// maxk_backward_rows_u16.cu: row-group SSpMM backward kernels for uint16_t CBSR indices.
#include "maxk_backward_rows.cuh"

namespace mxk {
namespace backward_detail {
MXK_BACKWARD_ROWS_INSTANTIATE(uint16_t)
}  // namespace backward_detail
}  // namespace mxk
