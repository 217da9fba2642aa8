// maxk_forward_rows_u16.cu: row-group SpGEMM forward kernels for uint16_t CBSR indices.
#include "maxk_forward_rows.cuh"

namespace mxk {
namespace forward_detail {
MXK_FORWARD_ROWS_INSTANTIATE(uint16_t)
}  // namespace forward_detail
}  // namespace mxk
