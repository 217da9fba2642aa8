// maxk_select.cu: row-wise top-k by signed value (MaxK), dense fp32 -> CBSR, deterministic ties.
//
// Algorithm (both paths):
//   1. Map each value to an order-preserving uint32 key (float_to_key).
//   2. Bitwise radix search for the threshold T: from the top bit down, keep a bit if at least k keys are
//      >= the candidate prefix. A warp/block-wide count per bit; stops early once exactly k keys are >= the
//      candidate (the selected set is then fixed). After the search: every key > T is selected and the
//      first (k - count(> T)) keys == T in column order (the lower-column tie rule).
//   3. Compact the selected (key, column) pairs in column order into shared memory with ballots, as one
//      64-bit composite (key << 32 | ~column), so that "a beats b" is plain integer order.
//   4. Each selected entry's rank = number of entries whose composite is larger; write value/column to
//      slot `rank`. So slot 0 is the largest value, ties by lower column first.
// Warp path (dim <= 1024): one warp per row, VPT keys per lane in registers, counts with REDUX.
// Block path (dim <= 65,536): one 256-thread block per row, re-reading the row from global memory (L1/L2).
#include <cstdint>

#include "../common/mxk_common.h"
#include "../common/mxk_device.cuh"
#include "maxk_select_config.h"

namespace mxk {
namespace {

using u64 = unsigned long long;

__device__ __forceinline__ u64 make_composite(uint32_t key, int col) {
    return (static_cast<u64>(key) << 32) | static_cast<u64>(0xffffffffu - static_cast<uint32_t>(col));
}

template <int VPT, typename IdxT>
__global__ void __launch_bounds__(256) select_warp_kernel(const float* __restrict__ x, int n_rows, int dim, int k,
                                                         float* __restrict__ out_v, IdxT* __restrict__ out_i) {
    extern __shared__ u64 select_smem[];
    const int lane = threadIdx.x & 31;
    const int wib = threadIdx.x >> 5;
    const int wpb = blockDim.x >> 5;
    u64* list = select_smem + static_cast<size_t>(wib) * k;
    const unsigned lt_mask = (1u << lane) - 1u;

    for (int64_t row = static_cast<int64_t>(blockIdx.x) * wpb + wib; row < n_rows;
         row += static_cast<int64_t>(gridDim.x) * wpb) {
        const float* xr = x + row * dim;
        uint32_t key[VPT];
#pragma unroll
        for (int j = 0; j < VPT; ++j) {
            const int col = j * 32 + lane;
            key[j] = col < dim ? float_to_key(__ldcs(xr + col)) : 0u;
        }

        // Bitwise search for the threshold (warp-uniform control flow).
        uint32_t T = 0u;
        for (int b = 31; b >= 0; --b) {
            const uint32_t cand = T | (1u << b);
            unsigned c = 0;
#pragma unroll
            for (int j = 0; j < VPT; ++j) c += (j * 32 + lane < dim && key[j] >= cand) ? 1u : 0u;
            c = warp_sum_u32(c);
            if (c == static_cast<unsigned>(k)) {
                T = cand - 1u;  // exactly k keys are >= cand: select all keys > cand - 1
                break;
            }
            if (c > static_cast<unsigned>(k)) T = cand;
        }
        unsigned cgt = 0;
#pragma unroll
        for (int j = 0; j < VPT; ++j) cgt += (j * 32 + lane < dim && key[j] > T) ? 1u : 0u;
        cgt = warp_sum_u32(cgt);
        const unsigned need = static_cast<unsigned>(k) - cgt;  // ties at T to take, lowest columns first

        // Compaction in column order (j major, lane minor = ascending column).
        unsigned base = 0, tie_base = 0;
#pragma unroll
        for (int j = 0; j < VPT; ++j) {
            const int col = j * 32 + lane;
            const bool valid = col < dim;
            const bool gt = valid && key[j] > T;
            const bool eq = valid && key[j] == T;
            const unsigned beq = __ballot_sync(kFullMask, eq);
            const unsigned tie_rank = tie_base + __popc(beq & lt_mask);
            tie_base += __popc(beq);
            const bool sel = gt || (eq && tie_rank < need);
            const unsigned bs = __ballot_sync(kFullMask, sel);
            if (sel) list[base + __popc(bs & lt_mask)] = make_composite(key[j], col);
            base += __popc(bs);
        }
        __syncwarp();

        // Rank = number of selected entries that beat this one; slot = rank.
        float* ov = out_v + row * k;
        IdxT* oi = out_i + row * k;
        for (int p = lane; p < k; p += 32) {
            const u64 me = list[p];
            int rank = 0;
            int q = 0;
            for (; q + 4 <= k; q += 4) {
                rank += (list[q] > me) + (list[q + 1] > me) + (list[q + 2] > me) + (list[q + 3] > me);
            }
            for (; q < k; ++q) rank += (list[q] > me);
            ov[rank] = key_to_float(static_cast<uint32_t>(me >> 32));
            oi[rank] = static_cast<IdxT>(0xffffffffu - static_cast<uint32_t>(me));
        }
        __syncwarp();
    }
}

__device__ __forceinline__ unsigned block_sum(unsigned v, unsigned* red) {
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5, nw = blockDim.x >> 5;
    v = warp_sum_u32(v);
    if (lane == 0) red[warp] = v;
    __syncthreads();
    unsigned t = 0;
    for (int i = 0; i < nw; ++i) t += red[i];
    __syncthreads();
    return t;
}

template <typename IdxT>
__global__ void __launch_bounds__(select_config::kBlockThreads)
    select_block_kernel(const float* __restrict__ x, int n_rows, int dim, int k, float* __restrict__ out_v,
                        IdxT* __restrict__ out_i) {
    extern __shared__ u64 select_smem[];
    __shared__ unsigned red[32];
    __shared__ unsigned cnt_eq[32];
    __shared__ unsigned cnt_sel[32];
    const int tid = threadIdx.x, lane = tid & 31, warp = tid >> 5, nw = blockDim.x >> 5;
    const unsigned lt_mask = (1u << lane) - 1u;
    u64* list = select_smem;

    for (int64_t row = blockIdx.x; row < n_rows; row += gridDim.x) {
        const float* xr = x + row * dim;
        uint32_t T = 0u;
        for (int b = 31; b >= 0; --b) {
            const uint32_t cand = T | (1u << b);
            unsigned c = 0;
            for (int col = tid; col < dim; col += blockDim.x) c += float_to_key(__ldg(xr + col)) >= cand ? 1u : 0u;
            c = block_sum(c, red);
            if (c == static_cast<unsigned>(k)) {
                T = cand - 1u;
                break;
            }
            if (c > static_cast<unsigned>(k)) T = cand;
        }
        unsigned cgt = 0;
        for (int col = tid; col < dim; col += blockDim.x) cgt += float_to_key(__ldg(xr + col)) > T ? 1u : 0u;
        cgt = block_sum(cgt, red);
        const unsigned need = static_cast<unsigned>(k) - cgt;

        unsigned base = 0, tie_base = 0;
        for (int tile = 0; tile < dim; tile += blockDim.x) {
            const int col = tile + tid;
            const bool valid = col < dim;
            const uint32_t key = valid ? float_to_key(__ldg(xr + col)) : 0u;
            const bool gt = valid && key > T;
            const bool eq = valid && key == T;
            const unsigned beq = __ballot_sync(kFullMask, eq);
            if (lane == 0) cnt_eq[warp] = __popc(beq);
            __syncthreads();
            unsigned off_eq = 0, tot_eq = 0;
            for (int w = 0; w < nw; ++w) {
                off_eq += (w < warp) ? cnt_eq[w] : 0u;
                tot_eq += cnt_eq[w];
            }
            const unsigned tie_rank = tie_base + off_eq + __popc(beq & lt_mask);
            const bool sel = gt || (eq && tie_rank < need);
            const unsigned bs = __ballot_sync(kFullMask, sel);
            if (lane == 0) cnt_sel[warp] = __popc(bs);
            __syncthreads();
            unsigned off_sel = 0, tot_sel = 0;
            for (int w = 0; w < nw; ++w) {
                off_sel += (w < warp) ? cnt_sel[w] : 0u;
                tot_sel += cnt_sel[w];
            }
            if (sel) list[base + off_sel + __popc(bs & lt_mask)] = make_composite(key, col);
            base += tot_sel;
            tie_base += tot_eq;
            __syncthreads();  // cnt_* are rewritten by the next tile
        }

        float* ov = out_v + row * k;
        IdxT* oi = out_i + row * k;
        for (int p = tid; p < k; p += blockDim.x) {
            const u64 me = list[p];
            int rank = 0;
            for (int q = 0; q < k; ++q) rank += (list[q] > me);
            ov[rank] = key_to_float(static_cast<uint32_t>(me >> 32));
            oi[rank] = static_cast<IdxT>(0xffffffffu - static_cast<uint32_t>(me));
        }
        __syncthreads();  // the list is rewritten for the next row
    }
}

template <int VPT, typename IdxT>
int launch_warp(const float* x, int n_rows, int dim, int k, float* ov, IdxT* oi, cudaStream_t s) {
    const int wpb = k <= 256 ? select_config::kWarpsPerBlockSmallK : select_config::kWarpsPerBlockLargeK;
    const size_t smem = static_cast<size_t>(wpb) * k * sizeof(u64);
    const int64_t blocks64 = (static_cast<int64_t>(n_rows) + wpb - 1) / wpb;
    const int blocks = static_cast<int>(blocks64 < 65535LL * 1024 ? blocks64 : 65535LL * 1024);
    select_warp_kernel<VPT, IdxT><<<blocks, wpb * 32, smem, s>>>(x, n_rows, dim, k, ov, oi);
    MXK_CHECK_LAUNCH("select_warp_kernel");
    return MXK_OK;
}

template <typename IdxT>
int dispatch(const float* x, int n_rows, int dim, int k, float* ov, IdxT* oi, cudaStream_t s) {
    if (dim <= 32) return launch_warp<1, IdxT>(x, n_rows, dim, k, ov, oi, s);
    if (dim <= 64) return launch_warp<2, IdxT>(x, n_rows, dim, k, ov, oi, s);
    if (dim <= 128) return launch_warp<4, IdxT>(x, n_rows, dim, k, ov, oi, s);
    if (dim <= 256) return launch_warp<8, IdxT>(x, n_rows, dim, k, ov, oi, s);
    if (dim <= 384) return launch_warp<12, IdxT>(x, n_rows, dim, k, ov, oi, s);
    if (dim <= 512) return launch_warp<16, IdxT>(x, n_rows, dim, k, ov, oi, s);
    if (dim <= 768) return launch_warp<24, IdxT>(x, n_rows, dim, k, ov, oi, s);
    if (dim <= select_config::kMaxWarpDim) return launch_warp<32, IdxT>(x, n_rows, dim, k, ov, oi, s);
    const size_t smem = static_cast<size_t>(k) * sizeof(u64);
    if (smem > 48 * 1024) {
        MXK_CUDA_CHECK(cudaFuncSetAttribute(select_block_kernel<IdxT>, cudaFuncAttributeMaxDynamicSharedMemorySize,
                                            static_cast<int>(smem)));
    }
    const int blocks = n_rows < 65535 * 16 ? n_rows : 65535 * 16;
    select_block_kernel<IdxT><<<blocks, select_config::kBlockThreads, smem, s>>>(x, n_rows, dim, k, ov, oi);
    MXK_CHECK_LAUNCH("select_block_kernel");
    return MXK_OK;
}

}  // namespace
}  // namespace mxk

extern "C" MXK_API int mxk_maxk_select(const float* x, int32_t n_rows, int32_t dim, int32_t k, float* out_values,
                                       void* out_indices, int32_t index_width, void* stream) {
    MXK_API_BEGIN
    namespace sc = mxk::select_config;
    MXK_REQUIRE_ARG(n_rows >= 0, "mxk_maxk_select: n_rows must be >= 0 (got %d)", n_rows);
    MXK_REQUIRE_ARG(index_width == MXK_INDEX_U8 || index_width == MXK_INDEX_U16,
                    "mxk_maxk_select: index_width must be 1 (uint8) or 2 (uint16), got %d", index_width);
    MXK_REQUIRE_SHAPE(dim >= 1 && dim <= sc::kMaxDim, "mxk_maxk_select: dim must be in [1, %d] (got %d)",
                      sc::kMaxDim, dim);
    MXK_REQUIRE_SHAPE(k >= 1 && k <= dim, "mxk_maxk_select: k must be in [1, dim = %d] (got %d)", dim, k);
    MXK_REQUIRE_SHAPE(index_width == MXK_INDEX_U16 || dim <= 256,
                      "mxk_maxk_select: uint8 indices need dim <= 256 (got dim %d); use uint16", dim);
    MXK_REQUIRE_SHAPE(dim <= sc::kMaxWarpDim || k <= sc::kMaxBlockK,
                      "mxk_maxk_select: for dim > %d, k must be <= %d (got k %d)", sc::kMaxWarpDim,
                      sc::kMaxBlockK, k);
    if (n_rows == 0) return MXK_OK;
    MXK_REQUIRE_ARG(x != nullptr && out_values != nullptr && out_indices != nullptr,
                    "mxk_maxk_select: NULL buffer");
    cudaStream_t s = mxk::as_stream(stream);
    if (index_width == MXK_INDEX_U8) {
        return mxk::dispatch<uint8_t>(x, n_rows, dim, k, out_values, static_cast<uint8_t*>(out_indices), s);
    }
    return mxk::dispatch<uint16_t>(x, n_rows, dim, k, out_values, static_cast<uint16_t*>(out_indices), s);
    MXK_API_END
}
