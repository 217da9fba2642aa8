// maxk_backward_kernel.cuh: SSpMM backward kernel template, grad_xs = (A^T G) sampled at the CBSR pattern, from the FORWARD CSR.
//
// No transpose is built. Each record (row r of A, a chunk of its edges) is an outer product of the column
// A[r, chunk] with the dense row G[r, :]: the warp stages G[r, :] in shared memory (one coalesced float4
// read per record), then for every edge (r -> c, weight w) gathers G[r, x_indices[c, s]] for the k slots
// s of c's CBSR row and adds w * that into grad_xs[c, s] with fire-and-forget float atomics. The targets
// of one edge are k contiguous floats, so with VW = 4 (k % 4 == 0, aligned buffers) a lane loads 4 indices
// with one 32/64-bit load and issues one red.global.add.v4.f32 (sm_90). The warp is split into groups of
// GSZ lanes that take different edges, so k/VW < 32 still keeps the lanes busy.
// grad_xs (n_cols * k floats, typically L2-resident) is zeroed by the call itself before the kernel.
#ifndef MXK_MAXK_BACKWARD_KERNEL_CUH_
#define MXK_MAXK_BACKWARD_KERNEL_CUH_

#include <cstdint>

#include "../common/mxk_checks.h"
#include "../common/mxk_common.h"
#include "../common/mxk_device.cuh"
#include "../common/mxk_partition.h"
#include "maxk_backward_config.h"

namespace mxk {
namespace backward_detail {

template <typename IdxT, int VW, int GSZ, int QPL, int U, int MODE, int PF = 0>
__global__ void __launch_bounds__(512)
    sspmm_backward_kernel(const int4* __restrict__ recs, int num_recs, const int32_t* __restrict__ indices,
                          const float* __restrict__ values, const float* __restrict__ gy,
                          const IdxT* __restrict__ xi, int k, int dim, float* __restrict__ dxs) {
    constexpr int G = 32 / GSZ;
    // MODE 3: one copy of the staged row per group, bank-partitioned (group g's copy only in banks
    // [g*SUB, (g+1)*SUB), column c at word (c / SUB) * 32 + g * SUB + c % SUB): no cross-group conflicts.
    constexpr int NREP = MODE == 3 ? G : 1;
    constexpr int SUB = 32 / NREP;
    static_assert(MODE != 3 || (G >= 2 && G <= 8), "bank-partitioned copies need 2..8 groups");
    extern __shared__ float4 bwd_smem[];
    const int lane = threadIdx.x & 31;
    const int wib = threadIdx.x >> 5;
    const int wpb = blockDim.x >> 5;
    // MXK_TUNE_PREFETCH_WINDOW staging ring, after all warps' buffers (only used when PF == 1).
    int* const stage = reinterpret_cast<int*>(bwd_smem + static_cast<size_t>(wpb) * NREP * (dim >> 2)) + wib * kCsrStageInts;
    const int g = lane / GSZ;
    const int lig = lane % GSZ;
    const int d4n = dim >> 2;
    const int kq = k / VW;  // index vectors per CBSR row
    float4* buf4 = bwd_smem + static_cast<size_t>(wib) * NREP * d4n;
    const float* buf = reinterpret_cast<const float*>(buf4) + (MODE == 3 ? g * SUB : 0);
    // Word of column c in this lane's copy.
    auto at = [&](uint32_t c) -> uint32_t { return MODE == 3 ? (c / SUB) * 32 + (c % SUB) : c; };

    for (int rec = blockIdx.x * wpb + wib; rec < num_recs; rec += gridDim.x * wpb) {
        const int4 r = __ldg(recs + rec);  // (row, start, len, flags)
        __syncwarp();  // every lane is done reading the previous record's row
        const float4* grow4 = reinterpret_cast<const float4*>(gy + static_cast<size_t>(r.x) * dim);
        for (int i = lane; i < d4n; i += 32) {
            const float4 v = __ldcs(grow4 + i);  // read once: do not let it evict grad_xs from L2
            if constexpr (MODE == 3) {
                const int p0 = ((4 * i / SUB) * 32 + (4 * i) % SUB) / 4;
#pragma unroll
                for (int rep = 0; rep < NREP; ++rep) buf4[p0 + rep * (SUB / 4)] = v;
            } else {
                buf4[i] = v;
            }
        }
        __syncwarp();

        begin_csr_record<PF>(stage, indices, values, r, lane);
        int slot = 0;
        for (int base = 0; base < r.z; base += 32) {
            const int n = min(32, r.z - base);
            int c_l;
            float w_l;
            load_csr_window<PF>(stage, slot, indices, values, r, base, n, lane, c_l, w_l);
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
                                const float a0 = w[u] * buf[at(iv[u][ql].v[0])], a1 = w[u] * buf[at(iv[u][ql].v[1])];
                                const float a2 = w[u] * buf[at(iv[u][ql].v[2])], a3 = w[u] * buf[at(iv[u][ql].v[3])];
                                if constexpr (MODE == 2) {
                                    *reinterpret_cast<float4*>(dst) = make_float4(a0, a1, a2, a3);  // diagnostic
                                } else {
                                    red_add_f32x4(dst, a0, a1, a2, a3);
                                }
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
    int pf = 0;  // 1: MXK_TUNE_PREFETCH_WINDOW, 2: MXK_TUNE_PREFETCH_L2 (vector path, MODE 0 only)
};

template <typename IdxT, int VW, int GSZ, int QPL, int MODE = 0, int PF = 0>
int launch(const BackwardArgs& a) {
    constexpr int U = QPL >= 4 ? 1 : (QPL >= 2 ? 2 : 4);
    auto kernel = sspmm_backward_kernel<IdxT, VW, GSZ, QPL, U, MODE, PF>;
    const size_t smem = a.smem + (PF == 1 ? static_cast<size_t>(a.wpb) * kCsrStageInts * 4 : 0);
    int st = ensure_smem(kernel, smem, "mxk_sspmm_backward");
    if (st != MXK_OK) return st;
    kernel<<<a.grid, a.wpb * 32, smem, a.s>>>(a.p->records, a.p->num_records, a.indices, a.values, a.gy,
                                                 static_cast<const IdxT*>(a.xi), a.k, a.dim, a.dxs);
    MXK_CHECK_LAUNCH("sspmm_backward_kernel");
    return MXK_OK;
}

// kq = k / VW index vectors per row; GSZ = pow2 >= min(kq, 32) (or larger, by tuning); QPL = ceil(kq / GSZ).
template <typename IdxT, int VW, int MODE, int PF = 0>
int dispatch_vw(const BackwardArgs& a, int gsz) {
    const int kq = a.k / VW;
    if constexpr (MODE == 3) {
        switch (gsz) {
            case 4: return launch<IdxT, VW, 4, 1, 3>(a);
            case 8: return launch<IdxT, VW, 8, 1, 3>(a);
            case 16: return launch<IdxT, VW, 16, 1, 3>(a);
            default: return fail(MXK_ERR_INTERNAL, "mxk_sspmm_backward: partitioned copies need 2..8 groups");
        }
    } else {
        switch (gsz) {
            case 1: return launch<IdxT, VW, 1, 1, MODE, PF>(a);
            case 2: return launch<IdxT, VW, 2, 1, MODE, PF>(a);
            case 4: return launch<IdxT, VW, 4, 1, MODE, PF>(a);
            case 8: return launch<IdxT, VW, 8, 1, MODE, PF>(a);
            case 16: return launch<IdxT, VW, 16, 1, MODE, PF>(a);
            default: break;
        }
        switch ((kq + 31) / 32) {
            case 1: return launch<IdxT, VW, 32, 1, MODE, PF>(a);
            case 2: return launch<IdxT, VW, 32, 2, MODE, PF>(a);
            default: break;
        }
        if constexpr (VW == 1) {
            switch ((kq + 31) / 32) {
                case 3: return launch<IdxT, VW, 32, 3, MODE>(a);
                case 4: return launch<IdxT, VW, 32, 4, MODE>(a);
                case 5: return launch<IdxT, VW, 32, 5, MODE>(a);
                case 6: return launch<IdxT, VW, 32, 6, MODE>(a);
                case 7: return launch<IdxT, VW, 32, 7, MODE>(a);
                case 8: return launch<IdxT, VW, 32, 8, MODE>(a);
                default: break;
            }
        }
        return fail(MXK_ERR_INTERNAL, "mxk_sspmm_backward: no kernel for k");
    }
}

// Instantiated once per index type (maxk_backward_u8.cu, maxk_backward_u16.cu) to spread compile time.
template <typename IdxT>
int dispatch(const BackwardArgs& a, bool vec4, int gsz, int mode);

#define MXK_BACKWARD_INSTANTIATE(IdxT)                                          \
    template <>                                                                 \
    int dispatch<IdxT>(const BackwardArgs& a, bool vec4, int gsz, int mode) {   \
        if (!vec4) return dispatch_vw<IdxT, 1, 0>(a, gsz);                      \
        if (mode == 2) return dispatch_vw<IdxT, 4, 2>(a, gsz);                  \
        if (mode == 3) return dispatch_vw<IdxT, 4, 3>(a, gsz);                  \
        if (a.pf == 1) return dispatch_vw<IdxT, 4, 0, 1>(a, gsz);               \
        if (a.pf == 2) return dispatch_vw<IdxT, 4, 0, 2>(a, gsz);               \
        return dispatch_vw<IdxT, 4, 0>(a, gsz);                                 \
    }

}  // namespace backward_detail
}  // namespace mxk

#endif  // MXK_MAXK_BACKWARD_KERNEL_CUH_
