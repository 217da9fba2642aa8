// maxk_forward_rows.cuh: the row-group SpGEMM forward kernel, Y = A * X_cbsr (vector path), and its launcher.
//
// Why. The default kernel (maxk_forward_kernel.cuh) gives a whole warp to one record and lets its G lane
// groups take different edges, each into a private dim-wide shared row; the warp then sums and re-zeroes
// all G rows to flush one output row: G * dim * 2 shared-memory words per record, whatever the record's
// length. On low-degree graphs (a few edges per row) that flush, and the serial chain record -> CSR -> CBSR
// of one record per warp, dominate. Here every lane group owns a RECORD: the G groups of a warp work on G
// records side by side, each accumulating into its own row, and each group flushes only its own row
// (dim * 2 words per record, G times less), with G records' memory round trips in flight per warp.
//
// Mapping. Records come from the partition's row-group list (rows_records: rows cut at kRowsChunk edges and
// every empty row as a length-0 record, longest first), so the G records of a warp have nearly equal lengths
// and the warp-uniform edge loop (up to the longest of the G) wastes little. Work units: each of the first
// num_long records (len > kRowsLongLen) is one unit for a whole warp (the lane groups take its edges round
// robin, each into its own row, and the flush sums the G rows, as in the default kernel), which keeps the
// critical path of hub rows short; after them every G records form one unit, group g taking record g. Lane
// `lig` of a group holds slot vectors q = lig + sl * GSZ of each edge's CBSR row (4 slots: a float4 of values
// and 4 packed indices). Edges of a group are applied one after another (__syncwarp between them: two edges
// of a record may share CBSR indices); within one edge the k indices are distinct, so no atomics.
// CSR columns/weights are read WIN edges at a time (lane lig holds edges lig, lig + GSZ, ... of the window)
// and broadcast within the group with width-GSZ shuffles.
// Bank shift. For GSZ < 8 a quarter-warp spans several groups; each group row is padded by 4 * GSZ words so
// that the groups of one quarter-warp start in different banks and the float4 flush is conflict-free.
// Flush. Plain streaming stores for single-record rows, vector atomics for split rows (zeroed first by the
// host-side zero kernel, as in the default kernel). Rows are re-zeroed while flushing. No early return.
#ifndef MXK_MAXK_FORWARD_ROWS_CUH_
#define MXK_MAXK_FORWARD_ROWS_CUH_

#include <cstdint>

#include "../common/mxk_checks.h"
#include "../common/mxk_common.h"
#include "../common/mxk_device.cuh"
#include "../common/mxk_partition.h"
#include "maxk_forward_config.h"
#include "maxk_forward_kernel.cuh"

namespace mxk {
namespace forward_detail {

// Words of padding after each group row (see "Bank shift").
__host__ __device__ constexpr int rows_pad_words(int gsz) { return gsz < 8 ? 4 * gsz : 0; }

template <typename IdxT, int GSZ, int SPL, int WIN, int U>
__global__ void __launch_bounds__(512)
    spgemm_forward_rows_kernel(const int4* __restrict__ recs, int num_long, int num_recs,
                               const int32_t* __restrict__ indices, const float* __restrict__ values,
                               const float* __restrict__ xv, const IdxT* __restrict__ xi, int k, int dim,
                               float* __restrict__ y) {
    constexpr int G = 32 / GSZ;
    constexpr int M = WIN / GSZ;  // CSR entries per lane per window (row-group mode)
    static_assert(WIN % GSZ == 0 && WIN % U == 0, "window must be a multiple of the group and the unroll");
    extern __shared__ float4 rows_fwd_smem[];
    const int lane = threadIdx.x & 31;
    const int wib = threadIdx.x >> 5;
    const int wpb = blockDim.x >> 5;
    const int g = lane / GSZ;
    const int lig = lane % GSZ;
    const int d4n = dim >> 2;
    const int kv = k >> 2;
    const int row_words = dim + rows_pad_words(GSZ);
    float* wrow = reinterpret_cast<float*>(rows_fwd_smem) + static_cast<size_t>(wib) * G * row_words;
    float* gbuf = wrow + static_cast<size_t>(g) * row_words;
    float4* gbuf4 = reinterpret_cast<float4*>(gbuf);

    for (int i = lig; i < d4n; i += GSZ) gbuf4[i] = make_float4(0.f, 0.f, 0.f, 0.f);
    __syncwarp();

    const int nwarps = gridDim.x * wpb;
    const int units = num_long + (num_recs - num_long + G - 1) / G;
    for (int unit = blockIdx.x * wpb + wib; unit < units; unit += nwarps) {
        if (unit < num_long) {
            // ---- warp mode: one long record, its edges round robin over the G groups ----
            const int4 r = __ldg(recs + unit);  // (row, start, len, flags)
            for (int base = 0; base < r.z; base += 32) {
                const int n = min(32, r.z - base);
                int c_l = 0;
                float w_l = 0.f;
                if (lane < n) {
                    c_l = __ldcs(indices + r.y + base + lane);
                    w_l = values != nullptr ? __ldcs(values + r.y + base + lane) : 1.f;
                }
                for (int j0 = 0; j0 < n; j0 += G * U) {
                    ValVec<4> v[U][SPL];
                    IdxVec<IdxT, 4> ix[U][SPL];
                    bool ok[U][SPL];
                    float w[U];
#pragma unroll
                    for (int u = 0; u < U; ++u) {
                        const int jj = j0 + u * G + g;
                        const int c = __shfl_sync(kFullMask, c_l, jj & 31);
                        w[u] = __shfl_sync(kFullMask, w_l, jj & 31);
                        const size_t row_off = static_cast<size_t>(c) * k;
#pragma unroll
                        for (int sl = 0; sl < SPL; ++sl) {
                            const int q = lig + sl * GSZ;
                            ok[u][sl] = jj < n && q < kv;
                            if (ok[u][sl]) {
                                v[u][sl].load(xv + row_off + q * 4);
                                ix[u][sl].load(xi + row_off + q * 4);
                            }
                        }
                    }
#pragma unroll
                    for (int u = 0; u < U; ++u) {
#pragma unroll
                        for (int sl = 0; sl < SPL; ++sl) {
                            if (ok[u][sl]) {
#pragma unroll
                                for (int t = 0; t < 4; ++t) gbuf[ix[u][sl].v[t]] += w[u] * v[u][sl].v[t];
                            }
                        }
                        __syncwarp();  // edge u's updates precede edge u + 1's
                    }
                }
            }
            __syncwarp();
            const bool split = (r.w & MXK_RECORD_SPLIT_ROW) != 0;
            float4* yrow4 = reinterpret_cast<float4*>(y + static_cast<size_t>(r.x) * dim);
            for (int i = lane; i < d4n; i += 32) {
                float4 acc = make_float4(0.f, 0.f, 0.f, 0.f);
#pragma unroll
                for (int b = 0; b < G; ++b) {
                    float4* p = reinterpret_cast<float4*>(wrow + static_cast<size_t>(b) * row_words) + i;
                    const float4 t = *p;
                    *p = make_float4(0.f, 0.f, 0.f, 0.f);
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
            continue;
        }
        // ---- row-group mode: G records side by side, group g owns record rid ----
        const int rid = num_long + (unit - num_long) * G + g;
        const bool has = rid < num_recs;
        const int4 r = has ? __ldg(recs + rid) : make_int4(0, 0, 0, 0);  // (row, start, len, flags)
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
                ValVec<4> v[U][SPL];
                IdxVec<IdxT, 4> ix[U][SPL];
                bool ok[U][SPL];
                float w[U];
#pragma unroll
                for (int u = 0; u < U; ++u) {
                    const int j = j0 + u;
                    const int c = __shfl_sync(kFullMask, c_l[j / GSZ], j % GSZ, GSZ);
                    w[u] = __shfl_sync(kFullMask, w_l[j / GSZ], j % GSZ, GSZ);
                    const bool edge_ok = e0 + j < r.z;
                    const size_t row_off = static_cast<size_t>(c) * k;
#pragma unroll
                    for (int sl = 0; sl < SPL; ++sl) {
                        const int q = lig + sl * GSZ;
                        ok[u][sl] = edge_ok && q < kv;
                        if (ok[u][sl]) {
                            v[u][sl].load(xv + row_off + q * 4);
                            ix[u][sl].load(xi + row_off + q * 4);
                        }
                    }
                }
#pragma unroll
                for (int u = 0; u < U; ++u) {
#pragma unroll
                    for (int sl = 0; sl < SPL; ++sl) {
                        if (ok[u][sl]) {
#pragma unroll
                            for (int t = 0; t < 4; ++t) gbuf[ix[u][sl].v[t]] += w[u] * v[u][sl].v[t];
                        }
                    }
                    __syncwarp();  // edge u's updates precede edge u + 1's
                }
            }
        }
        __syncwarp();
        if (has) {  // empty rows (len 0) write their zero row
            const bool split = (r.w & MXK_RECORD_SPLIT_ROW) != 0;
            float4* yrow4 = reinterpret_cast<float4*>(y + static_cast<size_t>(r.x) * dim);
            for (int i = lig; i < d4n; i += GSZ) {
                const float4 acc = gbuf4[i];
                gbuf4[i] = make_float4(0.f, 0.f, 0.f, 0.f);
                if (split) {
                    red_add_f32x4(reinterpret_cast<float*>(yrow4 + i), acc.x, acc.y, acc.z, acc.w);
                } else {
                    __stcs(yrow4 + i, acc);
                }
            }
        }
        __syncwarp();
    }
}

// Shared memory per warp of the row-group kernel with GSZ lanes per group.
inline size_t rows_warp_bytes(int gsz, int dim) {
    return static_cast<size_t>(32 / gsz) * static_cast<size_t>(dim + rows_pad_words(gsz)) * sizeof(float);
}

template <typename IdxT, int GSZ, int SPL>
int launch_rows(const ForwardArgs& a) {
    constexpr int WIN = GSZ >= 8 ? GSZ : 8;
    constexpr int U = SPL >= 2 ? 2 : 4;
    auto kernel = spgemm_forward_rows_kernel<IdxT, GSZ, SPL, WIN, U>;
    int st = ensure_smem(kernel, a.smem, "mxk_spgemm_forward");
    if (st != MXK_OK) return st;
    kernel<<<a.grid, a.wpb * 32, a.smem, a.s>>>(a.p->rows_records, a.p->num_rows_long, a.p->num_rows_records,
                                                 a.indices, a.values, a.xv, static_cast<const IdxT*>(a.xi), a.k,
                                                 a.dim, a.y);
    MXK_CHECK_LAUNCH("spgemm_forward_rows_kernel");
    return MXK_OK;
}

// gsz: lanes per group (power of two, >= min(k / 4, 32)); SPL = ceil(k / 4 / 32) when gsz = 32.
template <typename IdxT>
int dispatch_rows_impl(const ForwardArgs& a, int gsz) {
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

// Instantiated once per index type (maxk_forward_rows_u8.cu, maxk_forward_rows_u16.cu).
template <typename IdxT>
int dispatch_rows(const ForwardArgs& a, int gsz);

#define MXK_FORWARD_ROWS_INSTANTIATE(IdxT)                                 \
    template <>                                                            \
    int dispatch_rows<IdxT>(const ForwardArgs& a, int gsz) {               \
        return dispatch_rows_impl<IdxT>(a, gsz);                           \
    }

}  // namespace forward_detail
}  // namespace mxk

#endif  // MXK_MAXK_FORWARD_ROWS_CUH_
