// maxk_forward.cu: SpGEMM forward, Y = A * X_cbsr (row-wise product, shared-memory accumulation).
//
// Mapping. One warp owns one record (a chunk of <= max_chunk edges of one row) at a time. The warp is
// split into G = 32 / GSZ groups of GSZ lanes; the groups take the record's edges round robin (group g:
// edges g, g + G, ...), and lane s of a group handles CBSR slots s, s + GSZ, ... < k. Every group has a
// private dim-wide fp32 accumulator in shared memory, so the read-modify-write needs no atomics (a row's
// k CBSR indices are distinct). For k < 32 this keeps all lanes busy (k = 16: two edges per warp step;
// k = 8: four) instead of idling whole warps.
// Flush. After the record the warp sums its G accumulators column-wise (float4) and writes Y's row with
// plain (streaming) stores when the row has a single record, or with vector atomics when the row was
// split (those rows, and rows of degree 0, are zeroed by a tiny kernel first). Buffers are re-zeroed
// during the flush. No thread returns early: inactive warps simply skip the record loop, and the kernel
// uses only warp-level synchronisation.
// Loads. CSR arrays and Y are streamed (evict-first hints) so that the CBSR (reused ~avg-degree times)
// keeps the L2; CBSR values/indices go through the read-only path.
#include <cstdint>

#include "../common/mxk_checks.h"
#include "../common/mxk_common.h"
#include "../common/mxk_device.cuh"
#include "../common/mxk_partition.h"
#include "maxk_forward_config.h"

namespace mxk {
namespace {

constexpr uint32_t kNoSlot = 0xffffffffu;

template <typename IdxT, int GSZ, int SPL, int U>
__global__ void __launch_bounds__(256)
    spgemm_forward_kernel(const int4* __restrict__ recs, int num_recs, const int32_t* __restrict__ indices,
                          const float* __restrict__ values, const float* __restrict__ xv,
                          const IdxT* __restrict__ xi, int k, int dim, float* __restrict__ y) {
    constexpr int G = 32 / GSZ;
    extern __shared__ float4 fwd_smem[];
    const int lane = threadIdx.x & 31;
    const int wib = threadIdx.x >> 5;
    const int wpb = blockDim.x >> 5;
    const int g = lane / GSZ;
    const int lig = lane % GSZ;
    const int d4n = dim >> 2;  // float4 per accumulator row
    float4* wbuf4 = fwd_smem + static_cast<size_t>(wib) * G * d4n;
    float* gbuf = reinterpret_cast<float*>(wbuf4 + g * d4n);

    for (int i = lane; i < G * d4n; i += 32) wbuf4[i] = make_float4(0.f, 0.f, 0.f, 0.f);
    __syncwarp();

    for (int rec = blockIdx.x * wpb + wib; rec < num_recs; rec += gridDim.x * wpb) {
        const int4 r = __ldg(recs + rec);  // (row, start, len, flags)
        for (int base = 0; base < r.z; base += 32) {
            const int n = min(32, r.z - base);
            int c_l = 0;
            float w_l = 0.f;
            if (lane < n) {
                c_l = __ldcs(indices + r.y + base + lane);
                w_l = values != nullptr ? __ldcs(values + r.y + base + lane) : 1.f;
            }
            for (int j0 = 0; j0 < n; j0 += G * U) {
                float v[U][SPL];
                uint32_t ix[U][SPL];
                float w[U];
#pragma unroll
                for (int u = 0; u < U; ++u) {
                    const int jj = j0 + u * G + g;
                    const int c = __shfl_sync(kFullMask, c_l, jj & 31);
                    w[u] = __shfl_sync(kFullMask, w_l, jj & 31);
                    const bool ok = jj < n;
                    const size_t row_off = static_cast<size_t>(c) * k;
#pragma unroll
                    for (int sl = 0; sl < SPL; ++sl) {
                        const int s = lig + sl * GSZ;
                        if (ok && s < k) {
                            v[u][sl] = __ldg(xv + row_off + s);
                            ix[u][sl] = __ldg(xi + row_off + s);
                        } else {
                            v[u][sl] = 0.f;
                            ix[u][sl] = kNoSlot;
                        }
                    }
                }
#pragma unroll
                for (int u = 0; u < U; ++u) {
#pragma unroll
                    for (int sl = 0; sl < SPL; ++sl) {
                        if (ix[u][sl] != kNoSlot) gbuf[ix[u][sl]] += w[u] * v[u][sl];
                    }
                    __syncwarp();  // edge u's updates are visible to every lane before edge u + 1's
                }
            }
        }
        __syncwarp();
        const bool split = (r.w & MXK_RECORD_SPLIT_ROW) != 0;
        float4* yrow4 = reinterpret_cast<float4*>(y + static_cast<size_t>(r.x) * dim);
        for (int i = lane; i < d4n; i += 32) {
            float4 acc = wbuf4[i];
            wbuf4[i] = make_float4(0.f, 0.f, 0.f, 0.f);
#pragma unroll
            for (int gg = 1; gg < G; ++gg) {
                const float4 t = wbuf4[gg * d4n + i];
                wbuf4[gg * d4n + i] = make_float4(0.f, 0.f, 0.f, 0.f);
                acc.x += t.x;
                acc.y += t.y;
                acc.z += t.z;
                acc.w += t.w;
            }
            if (split) {
                red_add_f32x4(reinterpret_cast<float*>(yrow4 + i), acc.x, acc.y, acc.z, acc.w);
            } else {
                __stcs(yrow4 + i, acc);
            }
        }
        __syncwarp();
    }
}

// Zeroes whole rows of a row-major matrix (rows listed in `rows`), one block per listed row.
__global__ void zero_rows_kernel(const int32_t* __restrict__ rows, int num_rows, int dim, float* __restrict__ y) {
    const int d4n = dim >> 2;
    for (int i = blockIdx.x; i < num_rows; i += gridDim.x) {
        float4* yrow4 = reinterpret_cast<float4*>(y + static_cast<size_t>(rows[i]) * dim);
        for (int d = threadIdx.x; d < d4n; d += blockDim.x) yrow4[d] = make_float4(0.f, 0.f, 0.f, 0.f);
    }
}

struct ForwardArgs {
    const mxk_partition* p;
    const int32_t* indices;
    const float* values;
    const float* xv;
    const void* xi;
    float* y;
    int k, dim, wpb, grid;
    size_t smem;
    cudaStream_t s;
};

template <typename IdxT, int GSZ, int SPL>
int launch(const ForwardArgs& a) {
    constexpr int U = GSZ < 32 ? 4 : (SPL >= 8 ? 1 : (SPL >= 4 ? 2 : (SPL >= 2 ? 4 : 8)));
    auto kernel = spgemm_forward_kernel<IdxT, GSZ, SPL, U>;
    int st = ensure_smem(kernel, a.smem, "mxk_spgemm_forward");
    if (st != MXK_OK) return st;
    kernel<<<a.grid, a.wpb * 32, a.smem, a.s>>>(a.p->records, a.p->num_records, a.indices, a.values, a.xv,
                                                 static_cast<const IdxT*>(a.xi), a.k, a.dim, a.y);
    MXK_CHECK_LAUNCH("spgemm_forward_kernel");
    return MXK_OK;
}

template <typename IdxT>
int dispatch(const ForwardArgs& a, int gsz) {
    switch (gsz) {
        case 4: return launch<IdxT, 4, 1>(a);
        case 8: return launch<IdxT, 8, 1>(a);
        case 16: return launch<IdxT, 16, 1>(a);
        default: break;
    }
    switch ((a.k + 31) / 32) {
        case 1: return launch<IdxT, 32, 1>(a);
        case 2: return launch<IdxT, 32, 2>(a);
        case 3: return launch<IdxT, 32, 3>(a);
        case 4: return launch<IdxT, 32, 4>(a);
        case 5: return launch<IdxT, 32, 5>(a);
        case 6: return launch<IdxT, 32, 6>(a);
        case 7: return launch<IdxT, 32, 7>(a);
        case 8: return launch<IdxT, 32, 8>(a);
        default: return fail(MXK_ERR_INTERNAL, "mxk_spgemm_forward: no kernel for k");
    }
}

int pow2_at_least(int v) {
    int p = 1;
    while (p < v) p <<= 1;
    return p;
}

}  // namespace
}  // namespace mxk

extern "C" MXK_API int mxk_spgemm_forward(const mxk_partition* partition, const int32_t* indices,
                                          const float* values, int32_t n_cols, const float* x_values,
                                          const void* x_indices, int32_t index_width, int32_t k, int32_t dim,
                                          float* y, const mxk_tuning_t* tuning, void* stream) {
    MXK_API_BEGIN
    namespace fc = mxk::forward_config;
    const char* fn = "mxk_spgemm_forward";
    int st = mxk::check_cbsr_product_args(fn, partition, indices, n_cols, x_values, x_indices, index_width, k, dim,
                                          y, tuning, fc::kMaxK, fc::kMinDim, fc::kMaxDim);
    if (st != MXK_OK) return st;
    cudaStream_t s = mxk::as_stream(stream);

    // Group size: at least pow2(min(k, 32)) lanes (>= 4), and few enough groups that G * dim * 4 bytes
    // (one accumulator per group) stays within kMaxWarpBufferBytes.
    int gsz = mxk::pow2_at_least(k < 32 ? k : 32);
    if (gsz < 4) gsz = 4;
    int gmax = fc::kMaxWarpBufferBytes / (dim * 4);
    if (gmax < 1) gmax = 1;
    while (32 / gsz > gmax) gsz <<= 1;
    if (tuning != nullptr && tuning->group_lanes > gsz) gsz = tuning->group_lanes;
    const int groups = 32 / gsz;
    const size_t warp_bytes = static_cast<size_t>(groups) * dim * sizeof(float);

    int wpb = (tuning != nullptr && tuning->warps_per_block > 0) ? tuning->warps_per_block
                                                                  : fc::kDefaultWarpsPerBlock;
    if (tuning == nullptr || tuning->warps_per_block == 0) {
        while (wpb > 1 && warp_bytes * wpb > 96 * 1024) wpb >>= 1;  // keep >= 2 blocks per SM
    }

    if (partition->num_zero_rows > 0) {
        int zb = partition->num_zero_rows < 65535 * 8 ? partition->num_zero_rows : 65535 * 8;
        mxk::zero_rows_kernel<<<zb, 128, 0, s>>>(partition->zero_rows, partition->num_zero_rows, dim, y);
        MXK_CHECK_LAUNCH("zero_rows_kernel");
    }
    if (partition->num_records == 0) return MXK_OK;

    mxk::ForwardArgs a{partition, indices, values, x_values, x_indices, y, k, dim, wpb,
                       mxk::record_grid(partition->num_records, wpb, tuning), warp_bytes * wpb, s};
    if (index_width == MXK_INDEX_U8) return mxk::dispatch<uint8_t>(a, gsz);
    return mxk::dispatch<uint16_t>(a, gsz);
    MXK_API_END
}
