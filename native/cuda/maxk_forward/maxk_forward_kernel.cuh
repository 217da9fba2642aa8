// maxk_forward_kernel.cuh: the SpGEMM forward kernel template, Y = A * X_cbsr, and its launcher.
//
// Mapping. One warp owns one record (a chunk of <= max_chunk edges of one row) at a time. A CBSR row is
// read as k / VW "slot vectors" (VW = 4: one float4 of values plus 4 packed indices per lane access; VW = 1:
// one slot). The warp is split into G = 32 / GSZ groups of GSZ lanes; the groups take the record's edges
// round robin (group g: edges g, g + G, ...) and lane l of a group handles slot vectors l, l + GSZ, ...
// So small k still keeps every lane busy: k = 16 with VW = 4 processes 8 edges per warp step.
// Accumulation (MODE 0, default): every group owns a private dim-wide fp32 row in shared memory; the
// read-modify-write needs no atomics because a row's k CBSR indices are distinct, and consecutive edges of a
// group are ordered by __syncwarp.
// MODE 1: one row per warp updated with shared-memory atomicAdd (a CAS loop on sm_90: slow).
// MODE 2 (diagnostic, wrong results): loads only, folded into a register, to time everything but the RMW.
// Flush. After the record the warp sums its rows column-wise (float4) and writes Y's row with plain
// streaming stores when the row has a single record, or with vector atomics when the row was split (those
// rows, and rows of degree 0, are zeroed by a tiny kernel first). Rows are re-zeroed during the flush.
// No thread returns early; inactive warps skip the record loop; only warp-level synchronisation is used.
// Loads. CSR arrays are streamed with evict-first hints so that the CBSR (reused ~avg-degree times) keeps
// the L2; CBSR values and indices go through the read-only path.
#ifndef MXK_MAXK_FORWARD_KERNEL_CUH_
#define MXK_MAXK_FORWARD_KERNEL_CUH_

#include <cstdint>

#include "../common/mxk_checks.h"
#include "../common/mxk_common.h"
#include "../common/mxk_device.cuh"
#include "../common/mxk_partition.h"
#include "maxk_forward_config.h"

namespace mxk {
namespace forward_detail {

template <typename IdxT, int VW, int GSZ, int SPL, int U, int MODE, int PF = 0>
__global__ void __launch_bounds__(512)
    spgemm_forward_kernel(const int4* __restrict__ recs, int num_recs, const int32_t* __restrict__ indices,
                          const float* __restrict__ values, const float* __restrict__ xv,
                          const IdxT* __restrict__ xi, int k, int dim, float* __restrict__ y) {
    constexpr int G = 32 / GSZ;
    constexpr int NBUF = MODE == 0 ? G : 1;
    extern __shared__ float4 fwd_smem[];
    const int lane = threadIdx.x & 31;
    const int wib = threadIdx.x >> 5;
    const int wpb = blockDim.x >> 5;
    // MXK_TUNE_PREFETCH_WINDOW staging ring, after all warps' buffers (only used when PF == 1).
    int* const stage = reinterpret_cast<int*>(fwd_smem + static_cast<size_t>(wpb) * NBUF * (dim >> 2)) + wib * kCsrStageInts;
    const int g = lane / GSZ;
    const int lig = lane % GSZ;
    const int d4n = dim >> 2;  // float4 per accumulator row
    const int kv = k / VW;     // slot vectors per CBSR row
    float4* wbuf4 = fwd_smem + static_cast<size_t>(wib) * NBUF * d4n;
    float* gbuf = reinterpret_cast<float*>(wbuf4 + (NBUF > 1 ? g : 0) * d4n);
    float diag = 0.f;

    for (int i = lane; i < NBUF * d4n; i += 32) wbuf4[i] = make_float4(0.f, 0.f, 0.f, 0.f);
    __syncwarp();

    for (int rec = blockIdx.x * wpb + wib; rec < num_recs; rec += gridDim.x * wpb) {
        const int4 r = __ldg(recs + rec);  // (row, start, len, flags)
        begin_csr_record<PF>(stage, indices, values, r, lane);
        int slot = 0;
        for (int base = 0; base < r.z; base += 32) {
            const int n = min(32, r.z - base);
            int c_l;
            float w_l;
            load_csr_window<PF>(stage, slot, indices, values, r, base, n, lane, c_l, w_l);
            for (int j0 = 0; j0 < n; j0 += G * U) {
                ValVec<VW> v[U][SPL];
                IdxVec<IdxT, VW> ix[U][SPL];
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
                            v[u][sl].load(xv + row_off + q * VW);
                            ix[u][sl].load(xi + row_off + q * VW);
                        }
                    }
                }
#pragma unroll
                for (int u = 0; u < U; ++u) {
#pragma unroll
                    for (int sl = 0; sl < SPL; ++sl) {
                        if (ok[u][sl]) {
#pragma unroll
                            for (int t = 0; t < VW; ++t) {
                                if constexpr (MODE == 0) {
                                    gbuf[ix[u][sl].v[t]] += w[u] * v[u][sl].v[t];

                                } else if constexpr (MODE == 1) {
                                    atomicAdd(gbuf + ix[u][sl].v[t], w[u] * v[u][sl].v[t]);
                                } else {
                                    diag += w[u] * v[u][sl].v[t] + static_cast<float>(ix[u][sl].v[t]);
                                }
                            }
                        }
                    }
                    if constexpr (MODE == 0) __syncwarp();  // edge u's updates precede edge u + 1's
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
            for (int b = 1; b < NBUF; ++b) {
                const float4 t = wbuf4[b * d4n + i];
                wbuf4[b * d4n + i] = make_float4(0.f, 0.f, 0.f, 0.f);
                acc.x += t.x;
                acc.y += t.y;
                acc.z += t.z;
                acc.w += t.w;
            }
            if constexpr (MODE == 2) {
                acc.x += diag;  // keeps the diagnostic loads alive
                diag = 0.f;
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
    int pf = 0;  // 1: MXK_TUNE_PREFETCH_WINDOW, 2: MXK_TUNE_PREFETCH_L2 (vector path, MODE 0 only)
};

template <typename IdxT, int VW, int GSZ, int SPL, int MODE, int PF = 0>
int launch(const ForwardArgs& a) {
    constexpr int U = GSZ < 32 ? 4 : (SPL * VW >= 8 ? 1 : (SPL * VW >= 4 ? 2 : (SPL >= 2 ? 4 : 8)));
    auto kernel = spgemm_forward_kernel<IdxT, VW, GSZ, SPL, U, MODE, PF>;
    const size_t smem = a.smem + (PF == 1 ? static_cast<size_t>(a.wpb) * kCsrStageInts * 4 : 0);
    int st = ensure_smem(kernel, smem, "mxk_spgemm_forward");
    if (st != MXK_OK) return st;
    kernel<<<a.grid, a.wpb * 32, smem, a.s>>>(a.p->records, a.p->num_records, a.indices, a.values, a.xv,
                                                 static_cast<const IdxT*>(a.xi), a.k, a.dim, a.y);
    MXK_CHECK_LAUNCH("spgemm_forward_kernel");
    return MXK_OK;
}

template <typename IdxT, int MODE, int PF = 0>
int dispatch_vec4(const ForwardArgs& a, int gsz) {
    switch (gsz) {
        case 1: return launch<IdxT, 4, 1, 1, MODE, PF>(a);
        case 2: return launch<IdxT, 4, 2, 1, MODE, PF>(a);
        case 4: return launch<IdxT, 4, 4, 1, MODE, PF>(a);
        case 8: return launch<IdxT, 4, 8, 1, MODE, PF>(a);
        case 16: return launch<IdxT, 4, 16, 1, MODE, PF>(a);
        default: break;
    }
    if (a.k / 4 <= 32) return launch<IdxT, 4, 32, 1, MODE, PF>(a);
    return launch<IdxT, 4, 32, 2, MODE, PF>(a);
}

template <typename IdxT>
int dispatch_scalar(const ForwardArgs& a, int gsz) {
    switch (gsz) {
        case 1: return launch<IdxT, 1, 1, 1, 0>(a);
        case 2: return launch<IdxT, 1, 2, 1, 0>(a);
        case 4: return launch<IdxT, 1, 4, 1, 0>(a);
        case 8: return launch<IdxT, 1, 8, 1, 0>(a);
        case 16: return launch<IdxT, 1, 16, 1, 0>(a);
        default: break;
    }
    switch ((a.k + 31) / 32) {
        case 1: return launch<IdxT, 1, 32, 1, 0>(a);
        case 2: return launch<IdxT, 1, 32, 2, 0>(a);
        case 3: return launch<IdxT, 1, 32, 3, 0>(a);
        case 4: return launch<IdxT, 1, 32, 4, 0>(a);
        case 5: return launch<IdxT, 1, 32, 5, 0>(a);
        case 6: return launch<IdxT, 1, 32, 6, 0>(a);
        case 7: return launch<IdxT, 1, 32, 7, 0>(a);
        case 8: return launch<IdxT, 1, 32, 8, 0>(a);
        default: return fail(MXK_ERR_INTERNAL, "mxk_spgemm_forward: no kernel for k");
    }
}

// Instantiated once per index type (maxk_forward_u8.cu, maxk_forward_u16.cu) to spread compile time.
template <typename IdxT>
int dispatch(const ForwardArgs& a, bool vec4, int gsz, int mode);

#define MXK_FORWARD_INSTANTIATE(IdxT)                                           \
    template <>                                                                 \
    int dispatch<IdxT>(const ForwardArgs& a, bool vec4, int gsz, int mode) {    \
        if (!vec4) return dispatch_scalar<IdxT>(a, gsz);                        \
        if (mode == 1) return dispatch_vec4<IdxT, 1>(a, gsz);                   \
        if (mode == 2) return dispatch_vec4<IdxT, 2>(a, gsz);                   \
        if (a.pf == 1) return dispatch_vec4<IdxT, 0, 1>(a, gsz);                \
        if (a.pf == 2) return dispatch_vec4<IdxT, 0, 2>(a, gsz);                \
        return dispatch_vec4<IdxT, 0>(a, gsz);                                  \
    }

}  // namespace forward_detail
}  // namespace mxk

#endif  // MXK_MAXK_FORWARD_KERNEL_CUH_
