// maxk_backward_scatter.cu: MaxK backward, N x k CBSR gradient -> dense N x dim gradient (zeros elsewhere).
//
// dim <= 4096: one warp per row builds the row in shared memory (zero, scatter k values, then one
// coalesced write), so every output element is written exactly once. Wider rows: cudaMemsetAsync of the
// whole output followed by a scatter kernel.
#include <cstdint>

#include "../common/mxk_common.h"
#include "../common/mxk_device.cuh"
#include "maxk_backward_config.h"

namespace mxk {
namespace {

template <typename IdxT>
__global__ void __launch_bounds__(256)
    scatter_rows_kernel(const float* __restrict__ gv, const IdxT* __restrict__ gi, int n_rows, int k, int dim,
                        float* __restrict__ out) {
    extern __shared__ float4 scatter_smem[];
    const int lane = threadIdx.x & 31, wib = threadIdx.x >> 5, wpb = blockDim.x >> 5;
    float* buf = reinterpret_cast<float*>(scatter_smem) + static_cast<size_t>(wib) * dim;
    const bool vec = (dim % 4) == 0;  // out rows are 16-byte aligned (checked on the host)
    for (int64_t row = static_cast<int64_t>(blockIdx.x) * wpb + wib; row < n_rows;
         row += static_cast<int64_t>(gridDim.x) * wpb) {
        for (int d = lane; d < dim; d += 32) buf[d] = 0.f;
        __syncwarp();
        for (int s = lane; s < k; s += 32) buf[__ldg(gi + row * k + s)] = __ldg(gv + row * k + s);
        __syncwarp();
        float* orow = out + row * dim;
        if (vec) {
            const float4* b4 = reinterpret_cast<const float4*>(buf);
            for (int d = lane; d < (dim >> 2); d += 32) __stcs(reinterpret_cast<float4*>(orow) + d, b4[d]);
        } else {
            for (int d = lane; d < dim; d += 32) __stcs(orow + d, buf[d]);
        }
        __syncwarp();
    }
}

template <typename IdxT>
__global__ void scatter_only_kernel(const float* __restrict__ gv, const IdxT* __restrict__ gi, int n_rows, int k,
                                    int dim, float* __restrict__ out) {
    const int64_t total = static_cast<int64_t>(n_rows) * k;
    for (int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < total;
         i += static_cast<int64_t>(gridDim.x) * blockDim.x) {
        const int64_t row = i / k;
        out[row * dim + __ldg(gi + i)] = __ldg(gv + i);
    }
}

template <typename IdxT>
int run(const float* gv, const IdxT* gi, int n_rows, int k, int dim, float* out, cudaStream_t s) {
    namespace bc = backward_config;
    if (dim <= bc::kScatterFusedMaxDim) {
        const size_t per_warp = static_cast<size_t>(dim) * sizeof(float);
        int wpb = static_cast<int>(bc::kScatterSmemBudget / per_warp);
        wpb = wpb < 1 ? 1 : (wpb > 8 ? 8 : wpb);
        const int64_t blocks64 = (static_cast<int64_t>(n_rows) + wpb - 1) / wpb;
        const int blocks = static_cast<int>(blocks64 < (1LL << 30) ? blocks64 : (1LL << 30));
        scatter_rows_kernel<IdxT><<<blocks, wpb * 32, per_warp * wpb, s>>>(gv, gi, n_rows, k, dim, out);
        MXK_CHECK_LAUNCH("scatter_rows_kernel");
        return MXK_OK;
    }
    MXK_CUDA_CHECK(cudaMemsetAsync(out, 0, static_cast<size_t>(n_rows) * dim * sizeof(float), s));
    const int64_t total = static_cast<int64_t>(n_rows) * k;
    const int blocks = static_cast<int>(total / 256 + 1 < 65535LL * 64 ? total / 256 + 1 : 65535LL * 64);
    scatter_only_kernel<IdxT><<<blocks, 256, 0, s>>>(gv, gi, n_rows, k, dim, out);
    MXK_CHECK_LAUNCH("scatter_only_kernel");
    return MXK_OK;
}

}  // namespace
}  // namespace mxk

extern "C" MXK_API int mxk_maxk_backward_scatter(const float* grad_values, const void* indices, int32_t index_width,
                                                 int32_t n_rows, int32_t k, int32_t dim, float* grad_dense,
                                                 void* stream) {
    MXK_API_BEGIN
    namespace bc = mxk::backward_config;
    const char* fn = "mxk_maxk_backward_scatter";
    MXK_REQUIRE_ARG(n_rows >= 0, "%s: n_rows must be >= 0 (got %d)", fn, n_rows);
    MXK_REQUIRE_ARG(index_width == MXK_INDEX_U8 || index_width == MXK_INDEX_U16,
                    "%s: index_width must be 1 (uint8) or 2 (uint16), got %d", fn, index_width);
    MXK_REQUIRE_SHAPE(dim >= 1 && dim <= bc::kScatterMaxDim, "%s: dim must be in [1, %d] (got %d)", fn,
                      bc::kScatterMaxDim, dim);
    MXK_REQUIRE_SHAPE(k >= 1 && k <= dim, "%s: k must be in [1, dim = %d] (got %d)", fn, dim, k);
    MXK_REQUIRE_SHAPE(index_width == MXK_INDEX_U16 || dim <= 256,
                      "%s: uint8 indices need dim <= 256 (got dim %d); use uint16", fn, dim);
    if (n_rows == 0) return MXK_OK;
    MXK_REQUIRE_ARG(grad_values != nullptr && indices != nullptr && grad_dense != nullptr, "%s: NULL buffer", fn);
    MXK_REQUIRE_ARG(dim % 4 != 0 || mxk::aligned16(grad_dense), "%s: grad_dense must be 16-byte aligned", fn);
    cudaStream_t s = mxk::as_stream(stream);
    if (index_width == MXK_INDEX_U8) {
        return mxk::run<uint8_t>(grad_values, static_cast<const uint8_t*>(indices), n_rows, k, dim, grad_dense, s);
    }
    return mxk::run<uint16_t>(grad_values, static_cast<const uint16_t*>(indices), n_rows, k, dim, grad_dense, s);
    MXK_API_END
}
