// maxk_backward_lp.cuh: the lane-private (LP) SSpMM backward kernel, grad_xs = (A^T G) at the CBSR pattern,
// from the forward CSR (vector path, dim <= 256). Layout and pipeline: common/mxk_lp.cuh.
//
// Per record (row r) the warp stages grad_y[r, :] as 32 interleaved copies (word c * 32 + l = G[r, c] for
// every lane l), so each lane gathers G[r, idx] from its own bank: one wavefront per warp access whatever the
// indices. The copies are written from registers: the next record's row is loaded one record ahead (lane l
// holds columns l, l + 32, ...), and each lane writes its columns' 32 copies as 8 float4 stores in a
// lane-rotated order (4 wavefronts per 512 bytes, the minimum). Per step every lane group takes one edge
// (r -> c, w); a lane gathers the 4 (or 8) slots of its slot vectors and adds w * G into grad_xs[c, 4q..4q+3]
// with one vector reduction (red.global.add.v4.f32 on sm_90), as the previous kernel did.
#ifndef MXK_MAXK_BACKWARD_LP_CUH_
#define MXK_MAXK_BACKWARD_LP_CUH_

#include <cstdint>

#include "../common/mxk_checks.h"
#include "../common/mxk_common.h"
#include "../common/mxk_device.cuh"
#include "../common/mxk_lp.cuh"
#include "../common/mxk_partition.h"
#include "maxk_backward_config.h"
#include "maxk_backward_kernel.cuh"

namespace mxk {
namespace backward_detail {

template <typename IdxT, int GSZ, int SPL, int P>
__global__ void __launch_bounds__(lp::kLpThreads, 1)
    sspmm_backward_lp_kernel(const int4* __restrict__ recs, int num_recs, const int32_t* __restrict__ indices,
                             const float* __restrict__ values, const float* __restrict__ gy,
                             const IdxT* __restrict__ xi, int k, int dim, float* __restrict__ dxs) {
    constexpr int G = 32 / GSZ;
    constexpr int PER_BLK = G * P;
    extern __shared__ float4 lp_bwd_smem[];
    const int lane = threadIdx.x & 31;
    const int wib = threadIdx.x >> 5;
    const int wpb = blockDim.x >> 5;
    const int g = lane / GSZ;
    const int lig = lane % GSZ;
    const int kv = k >> 2;
    const int nj = dim >> 5;  // columns per lane when staging (<= 8)
    float* buf = reinterpret_cast<float*>(lp_bwd_smem) + static_cast<size_t>(wib) * dim * 32;
    const uint32_t mine = lp::smem_addr(buf) + 4u * lane;  // this lane's copy: + column * 128 bytes

    bool lane_ok[SPL];
    const IdxT* xi_l[SPL];
#pragma unroll
    for (int sl = 0; sl < SPL; ++sl) {
        const int q = lig + sl * GSZ;
        lane_ok[sl] = q < kv;
        xi_l[sl] = xi + 4 * (q < kv ? q : kv - 1);
    }
    float* const dxs_l = dxs + 4 * lig;

    const int stride = gridDim.x * wpb;
    const int first = blockIdx.x * wpb + wib;
    lp::Cursor ld, cs;
    ld.init(recs, num_recs, first, stride, PER_BLK);
    cs = ld;

    int cwc[P];
    float cww[P];
    lp::Idx4<IdxT> di[P][SPL];
    int dc[P];
    float dw[P];
    float gpre[8];  // grad_y row of the next record to stage: lane l holds columns l + 32 j

#define MXK_LP_FETCH_CW()                                                                  \
    {                                                                                      \
        const bool lv_ = ld.valid(num_recs);                                               \
        const int e0_ = ld.blk * PER_BLK + g;                                              \
        const int len_ = lv_ ? ld.r.z : 0;                                                 \
        const int base_ = lv_ ? ld.r.y : 0;                                                \
        _Pragma("unroll") for (int p = 0; p < P; ++p) {                                    \
            const int e_ = e0_ + p * G;                                                    \
            const bool ok_ = e_ < len_;                                                    \
            const int at_ = ok_ ? base_ + e_ : 0;                                          \
            const int c_ = __ldg(indices + at_);                                           \
            const float w_ = values != nullptr ? __ldg(values + at_) : 1.f;                \
            cwc[p] = ok_ ? c_ : -1;                                                        \
            cww[p] = w_;                                                                   \
        }                                                                                  \
        ld.advance(recs, num_recs, stride, PER_BLK);                                       \
        /* The load cursor entered a new record: its successor's CSR lines go to L2 now. */ \
        if (ld.blk == 0 && ld.nrec < num_recs) {                                           \
            prefetch_l2_range(indices + ld.nr.y, static_cast<size_t>(ld.nr.z) * 4, lane);  \
            if (values != nullptr)                                                         \
                prefetch_l2_range(values + ld.nr.y, static_cast<size_t>(ld.nr.z) * 4, lane); \
        }                                                                                  \
    }

#define MXK_LP_LOAD_DATA(p)                                                                \
    {                                                                                      \
        const int c_ = cwc[p];                                                             \
        dc[p] = c_;                                                                        \
        dw[p] = cww[p];                                                                    \
        const size_t row_ = static_cast<size_t>(static_cast<uint32_t>(c_ >= 0 ? c_ : 0)) * static_cast<uint32_t>(k); \
        _Pragma("unroll") for (int sl = 0; sl < SPL; ++sl) di[p][sl].load(xi_l[sl] + row_);  \
    }

#define MXK_LP_LOAD_GROW(row)                                                              \
    {                                                                                      \
        const float* g_ = gy + static_cast<size_t>(row) * dim + lane;                      \
        _Pragma("unroll") for (int j = 0; j < 8; ++j) {                                    \
            if (j < nj) gpre[j] = __ldcs(g_ + 32 * j);                                     \
        }                                                                                  \
    }

#define MXK_LP_STAGE()                                                                     \
    {                                                                                      \
        _Pragma("unroll") for (int j = 0; j < 8; ++j) {                                    \
            if (j < nj) {                                                                  \
                float4* line_ = reinterpret_cast<float4*>(buf + (lane + 32 * j) * 32);     \
                const float v_ = gpre[j];                                                  \
                _Pragma("unroll") for (int q0 = 0; q0 < 8; ++q0) {                         \
                    line_[(q0 + lane) & 7] = make_float4(v_, v_, v_, v_);                  \
                }                                                                          \
            }                                                                              \
        }                                                                                  \
    }

    MXK_LP_FETCH_CW()
#pragma unroll
    for (int p = 0; p < P; ++p) MXK_LP_LOAD_DATA(p)
    MXK_LP_FETCH_CW()
    if (cs.valid(num_recs)) {
        MXK_LP_LOAD_GROW(cs.r.x)
        MXK_LP_STAGE()
        if (cs.nrec < num_recs) MXK_LP_LOAD_GROW(cs.nr.x)
    }
    __syncwarp();

    while (cs.valid(num_recs)) {
#pragma unroll
        for (int p = 0; p < P; ++p) {
            if (dc[p] >= 0) {
                const float w = dw[p];
                float* dst = dxs_l + static_cast<size_t>(static_cast<uint32_t>(dc[p])) * static_cast<uint32_t>(k);
                float a[SPL][4];
#pragma unroll
                for (int sl = 0; sl < SPL; ++sl) {
                    if (lane_ok[sl]) {
#pragma unroll
                        for (int t = 0; t < 4; ++t) a[sl][t] = lp::lds_f32(mine + di[p][sl].off(t));
                    }
                }
#pragma unroll
                for (int sl = 0; sl < SPL; ++sl) {
                    if (lane_ok[sl]) {
                        red_add_f32x4(dst + 4 * GSZ * sl, w * a[sl][0], w * a[sl][1], w * a[sl][2], w * a[sl][3]);
                    }
                }
            }
            MXK_LP_LOAD_DATA(p)
        }
        MXK_LP_FETCH_CW()

        const bool done = cs.last_block();
        cs.advance(recs, num_recs, stride, PER_BLK);
        if (done && cs.valid(num_recs)) {
            // gpre holds the new record's row (it was the next record when it was loaded).
            __syncwarp();  // every lane has finished gathering from the previous row
            MXK_LP_STAGE()
            __syncwarp();
            if (cs.nrec < num_recs) MXK_LP_LOAD_GROW(cs.nr.x)
        }
    }
#undef MXK_LP_FETCH_CW
#undef MXK_LP_LOAD_DATA
#undef MXK_LP_LOAD_GROW
#undef MXK_LP_STAGE
}

template <typename IdxT, int GSZ, int SPL>
int launch_lp(const BackwardArgs& a, const mxk_tuning_t* tuning) {
    auto kernel = sspmm_backward_lp_kernel<IdxT, GSZ, SPL, lp::kLpPipe>;
    static int bps_cache[9 * 9] = {};
    lp::LpShape sh;
    int st = lp::lp_shape(kernel, a.dim, a.p->num_records, tuning, "mxk_sspmm_backward", bps_cache, sh);
    if (st != MXK_OK) return st;
    kernel<<<sh.grid, sh.wpb * 32, sh.smem, a.s>>>(a.p->records, a.p->num_records, a.indices, a.values, a.gy,
                                                    static_cast<const IdxT*>(a.xi), a.k, a.dim, a.dxs);
    MXK_CHECK_LAUNCH("sspmm_backward_lp_kernel");
    return MXK_OK;
}

template <typename IdxT>
int dispatch_lp(const BackwardArgs& a, int gsz, const mxk_tuning_t* tuning);

#define MXK_BACKWARD_LP_INSTANTIATE(IdxT)                                                  \
    template <>                                                                            \
    int dispatch_lp<IdxT>(const BackwardArgs& a, int gsz, const mxk_tuning_t* tuning) {    \
        switch (gsz) {                                                                     \
            case 1: return launch_lp<IdxT, 1, 1>(a, tuning);                               \
            case 2: return launch_lp<IdxT, 2, 1>(a, tuning);                               \
            case 4: return launch_lp<IdxT, 4, 1>(a, tuning);                               \
            case 8: return launch_lp<IdxT, 8, 1>(a, tuning);                               \
            case 16: return launch_lp<IdxT, 16, 1>(a, tuning);                             \
            default: break;                                                                \
        }                                                                                  \
        if (a.k / 4 <= 32) return launch_lp<IdxT, 32, 1>(a, tuning);                       \
        return launch_lp<IdxT, 32, 2>(a, tuning);                                          \
    }

}  // namespace backward_detail
}  // namespace mxk

#endif  // MXK_MAXK_BACKWARD_LP_CUH_
