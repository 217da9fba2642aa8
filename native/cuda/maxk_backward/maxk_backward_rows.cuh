// maxk_backward_rows.cuh: the row-group SSpMM backward kernel (vector path), grad_xs = (A^T G) sampled at the
// CBSR pattern, from the FORWARD CSR, and its launcher.
//
// Why. The default kernel (maxk_backward_kernel.cuh) gives a whole warp to one record: it stages grad_y[r, :]
// once, then its lane groups take different edges. On low-degree graphs a record has a handful of edges, so
// a warp spends most of its time in the serial chain record -> grad_y row -> staging -> CSR -> CBSR indices
// for one record. Here every lane group owns a RECORD (G records per warp side by side, each staged into the
// group's own shared row), as in maxk_forward_rows.cuh; records come longest first from the partition's
// row-group list (only its non-empty records), so the G records of a warp have nearly equal lengths, and the
// first num_long records (len > kRowsLongLen) are each processed by a whole warp (staged once, edges round
// robin over the groups), which keeps the critical path of hub rows short. Rows are staged with cp.async
// (16-byte global -> shared copies that hold no registers), so all of a row's loads are in flight at once.
//
// Per edge (r -> c, weight w) of its record, lane `lig` of a group loads index vectors q = lig + ql * GSZ of
// c's CBSR row (4 indices), gathers w * row[idx] from the group's staged row and adds them into grad_xs[c, 4q ..
// 4q + 3] with one vector reduction (red.global.add.v4.f32 on sm_90). No shared-memory writes happen during
// the edge loop, so edges need no ordering among themselves; __syncwarp separates records.
#ifndef MXK_MAXK_BACKWARD_ROWS_CUH_
#define MXK_MAXK_BACKWARD_ROWS_CUH_

#include <cstdint>

#include "../common/mxk_checks.h"
#include "../common/mxk_common.h"
#include "../common/mxk_device.cuh"
#include "../common/mxk_partition.h"
#include "maxk_backward_config.h"
#include "maxk_backward_kernel.cuh"

namespace mxk {
namespace backward_detail {

// Words of padding after each group row: groups of one quarter-warp start in different banks (GSZ < 8).
__host__ __device__ constexpr int bwd_rows_pad_words(int gsz) { return gsz < 8 ? 4 * gsz : 0; }

template <typename IdxT, int GSZ, int QPL, int WIN, int U>
__global__ void __launch_bounds__(512)
    sspmm_backward_rows_kernel(const int4* __restrict__ recs, int num_long, int num_recs,
                               const int32_t* __restrict__ indices, const float* __restrict__ values,
                               const float* __restrict__ gy, const IdxT* __restrict__ xi, int k, int dim,
                               float* __restrict__ dxs) {
    constexpr int G = 32 / GSZ;
    constexpr int M = WIN / GSZ;
    static_assert(WIN % GSZ == 0 && WIN % U == 0, "window must be a multiple of the group and the unroll");
    extern __shared__ float4 rows_bwd_smem[];
    const int lane = threadIdx.x & 31;
    const int wib = threadIdx.x >> 5;
    const int wpb = blockDim.x >> 5;
    const int g = lane / GSZ;
    const int lig = lane % GSZ;
    const int d4n = dim >> 2;
    const int kq = k >> 2;
    const int row_words = dim + bwd_rows_pad_words(GSZ);
    float* wrow = reinterpret_cast<float*>(rows_bwd_smem) + static_cast<size_t>(wib) * G * row_words;
    float* gbuf = wrow + static_cast<size_t>(g) * row_words;
    float4* gbuf4 = reinterpret_cast<float4*>(gbuf);

    const int nwarps = gridDim.x * wpb;
    const int units = num_long + (num_recs - num_long + G - 1) / G;
    for (int unit = blockIdx.x * wpb + wib; unit < units; unit += nwarps) {
        __syncwarp();  // every lane is done reading the previous unit's staged rows
        if (unit < num_long) {
            // ---- warp mode: one long record staged once into row 0, edges round robin over the groups ----
            const int4 r = __ldg(recs + unit);  // (row, start, len, flags)
            const float4* grow4 = reinterpret_cast<const float4*>(gy + static_cast<size_t>(r.x) * dim);
            float4* row0 = reinterpret_cast<float4*>(wrow);
            for (int i = lane; i < d4n; i += 32) cp_async16(row0 + i, grow4 + i);
            cp_async_commit();
            cp_async_wait0();
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
                    IdxVec<IdxT, 4> iv[U][QPL];
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
                            if (ok[u][ql]) iv[u][ql].load(xi + static_cast<size_t>(cc[u]) * k + q * 4);
                        }
                    }
#pragma unroll
                    for (int u = 0; u < U; ++u) {
#pragma unroll
                        for (int ql = 0; ql < QPL; ++ql) {
                            if (ok[u][ql]) {
                                float* dst = dxs + static_cast<size_t>(cc[u]) * k + (lig + ql * GSZ) * 4;
                                red_add_f32x4(dst, w[u] * wrow[iv[u][ql].v[0]], w[u] * wrow[iv[u][ql].v[1]],
                                              w[u] * wrow[iv[u][ql].v[2]], w[u] * wrow[iv[u][ql].v[3]]);
                            }
                        }
                    }
                }
            }
            continue;
        }
        // ---- row-group mode: G records side by side, group g owns record rid ----
        const int rid = num_long + (unit - num_long) * G + g;
        const int4 r = rid < num_recs ? __ldg(recs + rid) : make_int4(0, 0, 0, 0);  // (row, start, len, flags)
        if (r.z > 0) {
            const float4* grow4 = reinterpret_cast<const float4*>(gy + static_cast<size_t>(r.x) * dim);
            for (int i = lig; i < d4n; i += GSZ) cp_async16(gbuf4 + i, grow4 + i);
        }
        cp_async_commit();
        cp_async_wait0();
        __syncwarp();
        const int maxlen = warp_max_u32(static_cast<unsigned>(r.z));
        for (int e0 = 0; e0 < maxlen; e0 += WIN) {
            int c_l[M];
            float w_l[M];
#pragma unroll
            for (int m = 0; m < M; ++m) {
                const int e = e0 + m * GSZ + lig;
                c_l[m] = 0;
                w_l[m] = 0.f;
                if (e < r.z) {
                    c_l[m] = __ldcs(indices + r.y + e);
                    w_l[m] = values != nullptr ? __ldcs(values + r.y + e) : 1.f;
                }
            }
#pragma unroll
            for (int j0 = 0; j0 < WIN; j0 += U) {
                if (e0 + j0 >= maxlen) break;  // warp-uniform
                IdxVec<IdxT, 4> iv[U][QPL];
                int cc[U];
                float w[U];
                bool ok[U][QPL];
#pragma unroll
                for (int u = 0; u < U; ++u) {
                    const int j = j0 + u;
                    cc[u] = __shfl_sync(kFullMask, c_l[j / GSZ], j % GSZ, GSZ);
                    w[u] = __shfl_sync(kFullMask, w_l[j / GSZ], j % GSZ, GSZ);
                    const bool edge_ok = e0 + j < r.z;
#pragma unroll
                    for (int ql = 0; ql < QPL; ++ql) {
                        const int q = lig + ql * GSZ;
                        ok[u][ql] = edge_ok && q < kq;
                        if (ok[u][ql]) iv[u][ql].load(xi + static_cast<size_t>(cc[u]) * k + q * 4);
                    }
                }
#pragma unroll
                for (int u = 0; u < U; ++u) {
#pragma unroll
                    for (int ql = 0; ql < QPL; ++ql) {
                        if (ok[u][ql]) {
                            float* dst = dxs + static_cast<size_t>(cc[u]) * k + (lig + ql * GSZ) * 4;
                            red_add_f32x4(dst, w[u] * gbuf[iv[u][ql].v[0]], w[u] * gbuf[iv[u][ql].v[1]],
                                          w[u] * gbuf[iv[u][ql].v[2]], w[u] * gbuf[iv[u][ql].v[3]]);
                        }
                    }
                }
            }
        }
    }
}

inline size_t bwd_rows_warp_bytes(int gsz, int dim) {
    return static_cast<size_t>(32 / gsz) * static_cast<size_t>(dim + bwd_rows_pad_words(gsz)) * sizeof(float);
}

template <typename IdxT, int GSZ, int QPL>
int launch_rows(const BackwardArgs& a) {
    constexpr int WIN = GSZ >= 8 ? GSZ : 8;
    constexpr int U = QPL >= 2 ? 2 : 4;
    auto kernel = sspmm_backward_rows_kernel<IdxT, GSZ, QPL, WIN, U>;
    int st = ensure_smem(kernel, a.smem, "mxk_sspmm_backward");
    if (st != MXK_OK) return st;
    kernel<<<a.grid, a.wpb * 32, a.smem, a.s>>>(a.p->rows_records, a.p->num_rows_long, a.p->num_rows_nonempty,
                                                 a.indices, a.values, a.gy, static_cast<const IdxT*>(a.xi), a.k,
                                                 a.dim, a.dxs);
    MXK_CHECK_LAUNCH("sspmm_backward_rows_kernel");
    return MXK_OK;
}

template <typename IdxT>
int dispatch_rows_impl(const BackwardArgs& a, int gsz) {
    switch (gsz) {
        case 1: return launch_rows<IdxT, 1, 1>(a);
        case 2: return launch_rows<IdxT, 2, 1>(a);
        case 4: return launch_rows<IdxT, 4, 1>(a);
        case 8: return launch_rows<IdxT, 8, 1>(a);
        case 16: return launch_rows<IdxT, 16, 1>(a);
        default: break;
    }
    if (a.k / 4 <= 32) return launch_rows<IdxT, 32, 1>(a);
    return launch_rows<IdxT, 32, 2>(a);
}

// Instantiated once per index type (maxk_backward_rows_u8.cu, maxk_backward_rows_u16.cu).
template <typename IdxT>
int dispatch_rows(const BackwardArgs& a, int gsz);

#define MXK_BACKWARD_ROWS_INSTANTIATE(IdxT)                                \
    template <>                                                            \
    int dispatch_rows<IdxT>(const BackwardArgs& a, int gsz) {              \
        return dispatch_rows_impl<IdxT>(a, gsz);                           \
    }

}  // namespace backward_detail
}  // namespace mxk

#endif  // MXK_MAXK_BACKWARD_ROWS_CUH_
