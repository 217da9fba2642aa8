// maxk_backward.cu: SSpMM backward, grad_xs = (A^T G) sampled at the CBSR pattern, from the FORWARD CSR.
//
// No transpose is built. Each record (row r of A, a chunk of its edges) is an outer product of the column
// A[r, chunk] with the dense row G[r, :]: the warp stages G[r, :] in shared memory (one coalesced float4
// read per record), then for every edge (r -> c, weight w) gathers G[r, x_indices[c, s]] for the k slots
// s of c's CBSR row and adds w * that into grad_xs[c, s] with fire-and-forget float atomics. The targets
// of one edge are k contiguous floats, so with VW = 4 (k % 4 == 0, aligned buffers) a lane loads 4 indices
// with one 32/64-bit load and issues one red.global.add.v4.f32 (sm_90). The warp is split into groups of
// GSZ lanes that take different edges, so k/VW < 32 still keeps the lanes busy.
// grad_xs (n_cols * k floats, typically L2-resident) is zeroed by the call itself before the kernel.
#include <cstdint>

#include "../common/mxk_checks.h"
#include "../common/mxk_common.h"
#include "../common/mxk_device.cuh"
#include "../common/mxk_partition.h"
#include "maxk_backward_config.h"

namespace mxk {
namespace {

template <typename IdxT, int VW, int GSZ, int QPL, int U>
__global__ void __launch_bounds__(256)
    sspmm_backward_kernel(const int4* __restrict__ recs, int num_recs, const int32_t* __restrict__ indices,
                          const float* __restrict__ values, const float* __restrict__ gy,
                          const IdxT* __restrict__ xi, int k, int dim, float* __restrict__ dxs) {
    constexpr int G = 32 / GSZ;
    extern __shared__ float4 bwd_smem[];
    const int lane = threadIdx.x & 31;
    const int wib = threadIdx.x >> 5;
    const int wpb = blockDim.x >> 5;
    const int g = lane / GSZ;
    const int lig = lane % GSZ;
    const int d4n = dim >> 2;
    const int kq = k / VW;  // index vectors per CBSR row
    float4* buf4 = bwd_smem + static_cast<size_t>(wib) * d4n;
    const float* buf = reinterpret_cast<const float*>(buf4);

    for (int rec = blockIdx.x * wpb + wib; rec < num_recs; rec += gridDim.x * wpb) {
        const int4 r = __ldg(recs + rec);  // (row, start, len, flags)
        __syncwarp();  // every lane is done reading the previous record's row
        const float4* grow4 = reinterpret_cast<const float4*>(gy + static_cast<size_t>(r.x) * dim);
        for (int i = lane; i < d4n; i += 32) buf4[i] = __ldcs(grow4 + i);  // read once: do not let it evict grad_xs from L2
        __syncwarp();

        for (int base = 0; base < r.z; base += 32) {
            const int n = min(32, r.z - base);
            int c_l = 0;
            float w_l = 0.f;
            if (lane < n) {
                c_l = __ldcs(indices + r.y + base + lane);
                w_l = values != nullptr ? __ldcs(values + r.y + base + lane) : 1.f;
            }
            for (int j0 = 0; j0 < n; j0 += G * U) {
                IdxVec<IdxT, VW> iv[U][QPL];
                int cc[U];
                float w[U];
                bool ok[U][QPL];
#pragma unroll
                for (int u = 0; u < U; ++u) {
                    const int jj = j0 + u * G + g;
                    cc[u] = __shfl_sync(kFullMask, c_l, jj & 31);
                    w[u] = __shfl_sync(kFullMask, w_l, jj & 31);
#pragma unroll
                    for (int ql = 0; ql < QPL; ++ql) {
                        const int q = lig + ql * GSZ;
                        ok[u][ql] = jj < n && q < kq;
                        if (ok[u][ql]) iv[u][ql].load(xi + static_cast<size_t>(cc[u]) * k + q * VW);
                    }
                }
#pragma unroll
                for (int u = 0; u < U; ++u) {
#pragma unroll
                    for (int ql = 0; ql < QPL; ++ql) {
                        if (ok[u][ql]) {
                            float* dst = dxs + static_cast<size_t>(cc[u]) * k + (lig + ql * GSZ) * VW;
                            if constexpr (VW == 4) {
                                red_add_f32x4(dst, w[u] * buf[iv[u][ql].v[0]], w[u] * buf[iv[u][ql].v[1]],
                                              w[u] * buf[iv[u][ql].v[2]], w[u] * buf[iv[u][ql].v[3]]);
                            } else {
                                red_add_f32(dst, w[u] * buf[iv[u][ql].v[0]]);
                            }
                        }
                    }
                }
            }
        }
    }
}

struct BackwardArgs {
    const mxk_partition* p;
    const int32_t* indices;
    const float* values;
    const float* gy;
    const void* xi;
    float* dxs;
    int k, dim, wpb, grid;
    size_t smem;
    cudaStream_t s;
};

template <typename IdxT, int VW, int GSZ, int QPL>
int launch(const BackwardArgs& a) {
    constexpr int U = QPL >= 4 ? 1 : (QPL >= 2 ? 2 : 4);
    auto kernel = sspmm_backward_kernel<IdxT, VW, GSZ, QPL, U>;
    int st = ensure_smem(kernel, a.smem, "mxk_sspmm_backward");
    if (st != MXK_OK) return st;
    kernel<<<a.grid, a.wpb * 32, a.smem, a.s>>>(a.p->records, a.p->num_records, a.indices, a.values, a.gy,
                                                 static_cast<const IdxT*>(a.xi), a.k, a.dim, a.dxs);
    MXK_CHECK_LAUNCH("sspmm_backward_kernel");
    return MXK_OK;
}

// kq = k / VW index vectors per row; GSZ = pow2 >= min(kq, 32); QPL = ceil(kq / GSZ).
template <typename IdxT, int VW>
int dispatch_vw(const BackwardArgs& a) {
    const int kq = a.k / VW;
    if (kq <= 1) return launch<IdxT, VW, 1, 1>(a);
    if (kq <= 2) return launch<IdxT, VW, 2, 1>(a);
    if (kq <= 4) return launch<IdxT, VW, 4, 1>(a);
    if (kq <= 8) return launch<IdxT, VW, 8, 1>(a);
    if (kq <= 16) return launch<IdxT, VW, 16, 1>(a);
    switch ((kq + 31) / 32) {
        case 1: return launch<IdxT, VW, 32, 1>(a);
        case 2: return launch<IdxT, VW, 32, 2>(a);
        default: break;
    }
    if constexpr (VW == 1) {
        switch ((kq + 31) / 32) {
            case 3: return launch<IdxT, VW, 32, 3>(a);
            case 4: return launch<IdxT, VW, 32, 4>(a);
            case 5: return launch<IdxT, VW, 32, 5>(a);
            case 6: return launch<IdxT, VW, 32, 6>(a);
            case 7: return launch<IdxT, VW, 32, 7>(a);
            case 8: return launch<IdxT, VW, 32, 8>(a);
            default: break;
        }
    }
    return fail(MXK_ERR_INTERNAL, "mxk_sspmm_backward: no kernel for k");
}

template <typename IdxT>
int dispatch(const BackwardArgs& a, bool vec4) {
    return vec4 ? dispatch_vw<IdxT, 4>(a) : dispatch_vw<IdxT, 1>(a);
}

}  // namespace
}  // namespace mxk

extern "C" MXK_API int mxk_sspmm_backward(const mxk_partition* partition, const int32_t* indices,
                                          const float* values, int32_t n_cols, const float* grad_y,
                                          const void* x_indices, int32_t index_width, int32_t k, int32_t dim,
                                          float* grad_xs, const mxk_tuning_t* tuning, void* stream) {
    MXK_API_BEGIN
    namespace bc = mxk::backward_config;
    const char* fn = "mxk_sspmm_backward";
    int st = mxk::check_cbsr_product_args(fn, partition, indices, n_cols, grad_xs, x_indices, index_width, k, dim,
                                          grad_y, tuning, bc::kMaxK, bc::kMinDim, bc::kMaxDim);
    if (st != MXK_OK) return st;
    cudaStream_t s = mxk::as_stream(stream);

    MXK_CUDA_CHECK(cudaMemsetAsync(grad_xs, 0, static_cast<size_t>(n_cols) * k * sizeof(float), s));
    if (partition->num_records == 0) return MXK_OK;

    // Vector path: 4 slots per lane (one 4- or 8-byte index load, one v4 reduction), needs k % 4 == 0 and
    // aligned rows of grad_xs (16 B) and of the index array (4 B for uint8, 8 B for uint16).
    const uintptr_t xi_addr = reinterpret_cast<uintptr_t>(x_indices);
    const bool vec4 = (k % 4 == 0) && mxk::aligned16(grad_xs) &&
                      (xi_addr % (index_width == MXK_INDEX_U8 ? 4u : 8u) == 0);

    const size_t warp_bytes = static_cast<size_t>(dim) * sizeof(float);
    int wpb = (tuning != nullptr && tuning->warps_per_block > 0) ? tuning->warps_per_block
                                                                  : bc::kDefaultWarpsPerBlock;
    if (tuning == nullptr || tuning->warps_per_block == 0) {
        while (wpb > 1 && warp_bytes * wpb > 96 * 1024) wpb >>= 1;
    }
    mxk::BackwardArgs a{partition, indices, values, grad_y, x_indices, grad_xs, k, dim, wpb,
                        mxk::record_grid(partition->num_records, wpb, tuning), warp_bytes * wpb, s};
    if (index_width == MXK_INDEX_U8) return mxk::dispatch<uint8_t>(a, vec4);
    return mxk::dispatch<uint16_t>(a, vec4);
    MXK_API_END
}
