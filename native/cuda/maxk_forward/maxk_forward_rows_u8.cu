// maxk_forward_rows_u8.cu: row-group SpGEMM forward kernels for uint8_t CBSR indices.
#include "maxk_forward_rows.cuh"

namespace mxk {
namespace forward_detail {
MXK_FORWARD_ROWS_INSTANTIATE(uint8_t)
}  // namespace forward_detail
}  // namespace mxk
