// gnnadvisor_spmm.cu: a GNNAdvisor-style SpMM baseline (our own code after the published algorithm,
// platform.md section 3), applying edge weights so that it computes Y = A X like cuSPARSE.
//
// Mapping: one warp per neighbour group (a record of <= ngs edges of one row), wpb warps per block,
// grid = ceil(numParts / wpb). Per warp, shared memory holds the group's neighbour ids and weights
// (ngs each) and a dim-wide fp32 partial row. Lanes < dw ("dimension workers") own features
// d = lane, lane + dw, ...; for each neighbour in turn every owned feature accumulates w * X[nid, d] into
// the partial row, which is finally added to Y[row, :] with float atomicAdd (groups of one row share the
// output row). Warps without a group are predicated off (no early return).
#include <cstdint>

#include "../common/mxk_checks.h"
#include "../common/mxk_common.h"
#include "../common/mxk_partition.h"

namespace mxk {
namespace {

__global__ void gnnadvisor_spmm_kernel(const int32_t* __restrict__ part_ptr, const int32_t* __restrict__ part2node,
                                       int num_parts, const int32_t* __restrict__ indices,
                                       const float* __restrict__ values, const float* __restrict__ x, int dim,
                                       int ngs, int dw, float* __restrict__ y) {
    extern __shared__ float4 gnna_smem4[];
    const int lane = threadIdx.x & 31, wib = threadIdx.x >> 5, wpb = blockDim.x >> 5;
    float* smem = reinterpret_cast<float*>(gnna_smem4);
    float* partial = smem + static_cast<size_t>(wib) * dim;  // wpb * dim floats first (16-byte aligned)
    int32_t* ids = reinterpret_cast<int32_t*>(smem + static_cast<size_t>(wpb) * dim) + static_cast<size_t>(wib) * ngs;
    float* ws = smem + static_cast<size_t>(wpb) * dim + static_cast<size_t>(wpb) * ngs + static_cast<size_t>(wib) * ngs;

    const int part = blockIdx.x * wpb + wib;
    const bool active = part < num_parts;
    int start = 0, n = 0, row = 0;
    if (active) {
        start = part_ptr[part];
        n = part_ptr[part + 1] - start;
        row = part2node[part];
        for (int i = lane; i < n; i += 32) {
            ids[i] = indices[start + i];
            ws[i] = values != nullptr ? values[start + i] : 1.f;
        }
    }
    __syncwarp();
    if (active && lane < dw) {
        for (int d = lane; d < dim; d += dw) partial[d] = 0.f;
        for (int i = 0; i < n; ++i) {
            const int nid = ids[i];
            const float w = ws[i];
            const float* xr = x + static_cast<size_t>(nid) * dim;
            for (int d = lane; d < dim; d += dw) partial[d] += w * __ldg(xr + d);
        }
        float* yr = y + static_cast<size_t>(row) * dim;
        for (int d = lane; d < dim; d += dw) atomicAdd(yr + d, partial[d]);
    }
}

}  // namespace
}  // namespace mxk

extern "C" MXK_API int mxk_gnnadvisor_spmm(const mxk_partition* partition, const int32_t* indices,
                                           const float* values, int32_t n_cols, const float* x, int32_t dim,
                                           int32_t wpb, int32_t dw, float* y, void* stream) {
    MXK_API_BEGIN
    const char* fn = "mxk_gnnadvisor_spmm";
    MXK_REQUIRE_ARG(partition != nullptr, "%s: partition is NULL", fn);
    MXK_REQUIRE_ARG(partition->nnz == 0 || indices != nullptr, "%s: indices is NULL", fn);
    MXK_REQUIRE_ARG(x != nullptr && y != nullptr, "%s: NULL buffer", fn);
    MXK_REQUIRE_ARG(n_cols >= 1, "%s: n_cols must be >= 1 (got %d)", fn, n_cols);
    MXK_REQUIRE_ARG(wpb >= 1 && wpb <= 32, "%s: wpb must be in [1, 32] (got %d)", fn, wpb);
    MXK_REQUIRE_ARG(dw >= 1 && dw <= 32, "%s: dw must be in [1, 32] (got %d)", fn, dw);
    MXK_REQUIRE_SHAPE(dim >= 1 && dim <= 65536, "%s: dim must be in [1, 65536] (got %d)", fn, dim);
    const int ngs = partition->max_chunk;
    const size_t smem = static_cast<size_t>(wpb) * (8ull * ngs + 4ull * dim);
    int st = mxk::ensure_smem(mxk::gnnadvisor_spmm_kernel, smem, fn);
    if (st != MXK_OK) return st;
    cudaStream_t s = mxk::as_stream(stream);
    MXK_CUDA_CHECK(cudaMemsetAsync(y, 0, static_cast<size_t>(partition->n_rows) * dim * sizeof(float), s));
    if (partition->num_records == 0) return MXK_OK;
    const int64_t blocks = (static_cast<int64_t>(partition->num_records) + wpb - 1) / wpb;
    mxk::gnnadvisor_spmm_kernel<<<static_cast<unsigned>(blocks), wpb * 32, smem, s>>>(
        partition->part_ptr, partition->part2node, partition->num_records, indices, values, x, dim, ngs, dw, y);
    MXK_CHECK_LAUNCH("gnnadvisor_spmm_kernel");
    return MXK_OK;
    MXK_API_END
}
