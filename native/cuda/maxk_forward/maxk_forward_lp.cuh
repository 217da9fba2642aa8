// maxk_forward_lp.cuh: the lane-private (LP) SpGEMM forward kernel, Y = A * X_cbsr (vector path,
// dim <= 256). The layout and the software pipeline are described in common/mxk_lp.cuh.
//
// Per step every lane group (GSZ lanes) takes one edge (r -> c, weight w); lane `lig` of the group holds
// slot vectors q = lig + sl * GSZ (4 CBSR slots each: a float4 of values and 4 packed indices) and adds
// w * value into ITS OWN copy of the output row, word idx * 32 + lane: conflict-free, no atomics, no
// synchronisation between lanes (no lane ever touches another lane's words until the flush). The four (or
// eight) read-modify-writes of one step are issued as loads first, then stores: the indices of one CBSR row
// are distinct, so they cannot alias. Consecutive steps of a lane are ordered by program order.
// Flush (end of a record): lane l owns columns l, l + 32, ...; it reads the 32 copies of each (8 float4, in
// a lane-rotated order so that a warp access touches every 16-byte bank group 4 times: the minimum of 4
// wavefronts per 512 bytes), re-zeroes them and stores the sum (plain streaming store, or a float atomic
// for rows split over several records; those rows are zeroed first by the host-side zero kernel).
// Summation order is fixed for single-record rows: results are deterministic.
#ifndef MXK_MAXK_FORWARD_LP_CUH_
#define MXK_MAXK_FORWARD_LP_CUH_

#include <cstdint>

#include "../common/mxk_checks.h"
#include "../common/mxk_common.h"
#include "../common/mxk_device.cuh"
#include "../common/mxk_lp.cuh"
#include "../common/mxk_partition.h"
#include "maxk_forward_config.h"
#include "maxk_forward_kernel.cuh"

namespace mxk {
namespace forward_detail {

using lp::kLpThreads;
using lp::kLpPipe;

template <typename IdxT, int GSZ, int SPL, int P>
__global__ void __launch_bounds__(kLpThreads, 1)
    spgemm_forward_lp_kernel(const int4* __restrict__ recs, int num_recs, const int32_t* __restrict__ indices,
                             const float* __restrict__ values, const float* __restrict__ xv,
                             const IdxT* __restrict__ xi, int k, int dim, float* __restrict__ y) {
    constexpr int G = 32 / GSZ;
    constexpr int PER_BLK = G * P;  // edge slots per pipeline block
    extern __shared__ float4 lp_fwd_smem[];
    const int lane = threadIdx.x & 31;
    const int wib = threadIdx.x >> 5;
    const int wpb = blockDim.x >> 5;
    const int g = lane / GSZ;
    const int lig = lane % GSZ;
    const int kv = k >> 2;
    float* acc = reinterpret_cast<float*>(lp_fwd_smem) + static_cast<size_t>(wib) * dim * 32;
    const uint32_t mine = lp::smem_addr(acc) + 4u * lane;  // this lane's copy: + column * 128 bytes

    // Per slot vector of this lane: does it exist, and its (clamped) CBSR offsets.
    bool lane_ok[SPL];
    const float* xv_l[SPL];
    const IdxT* xi_l[SPL];
#pragma unroll
    for (int sl = 0; sl < SPL; ++sl) {
        const int q = lig + sl * GSZ;
        lane_ok[sl] = q < kv;
        const int qc = q < kv ? q : kv - 1;
        xv_l[sl] = xv + 4 * qc;
        xi_l[sl] = xi + 4 * qc;
    }

    {
        float4* acc4 = reinterpret_cast<float4*>(acc);
        for (int i = lane; i < dim * 8; i += 32) acc4[i] = make_float4(0.f, 0.f, 0.f, 0.f);
    }
    __syncwarp();

    const int stride = gridDim.x * wpb;
    const int first = blockIdx.x * wpb + wib;
    lp::Cursor ld, cs;
    ld.init(recs, num_recs, first, stride, PER_BLK);
    cs = ld;

    int cwc[P];
    float cww[P];
    float4 dv[P][SPL];
    lp::Idx4<IdxT> di[P][SPL];
    float dw[P];
    int dc[P];

    // Fetches the (column, weight) pairs of the load cursor's current block (column -1: no edge). The loads
    // are unconditional (clamped to edge 0 when there is no edge) so the ring stays plain registers.
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

    // Issues the CBSR loads of ring entry p from cwc[p]/cww[p] (row 0 stands in for "no edge").
#define MXK_LP_LOAD_DATA(p)                                                                \
    {                                                                                      \
        const int c_ = cwc[p];                                                             \
        dc[p] = c_;                                                                        \
        dw[p] = cww[p];                                                                    \
        const size_t row_ = static_cast<size_t>(static_cast<uint32_t>(c_ >= 0 ? c_ : 0) * 1u) * static_cast<uint32_t>(k); \
        _Pragma("unroll") for (int sl = 0; sl < SPL; ++sl) {                               \
            dv[p][sl] = lp::ldg_stream_f4(xv_l[sl] + row_);                                \
            di[p][sl].load(xi_l[sl] + row_);                                               \
        }                                                                                  \
    }

    // Prologue: block 0's pairs, block 0's CBSR rows, block 1's pairs.
    MXK_LP_FETCH_CW()
#pragma unroll
    for (int p = 0; p < P; ++p) MXK_LP_LOAD_DATA(p)
    MXK_LP_FETCH_CW()

    while (cs.valid(num_recs)) {
#pragma unroll
        for (int p = 0; p < P; ++p) {
            if (dc[p] >= 0) {
                const float w = dw[p];
                uint32_t adr[SPL][4];
                float old[SPL][4];
#pragma unroll
                for (int sl = 0; sl < SPL; ++sl) {
                    if (lane_ok[sl]) {
#pragma unroll
                        for (int t = 0; t < 4; ++t) {
                            adr[sl][t] = mine + di[p][sl].off(t);
                            old[sl][t] = lp::lds_f32(adr[sl][t]);
                        }
                    }
                }
#pragma unroll
                for (int sl = 0; sl < SPL; ++sl) {
                    if (lane_ok[sl]) {
                        lp::sts_f32(adr[sl][0], fmaf(w, dv[p][sl].x, old[sl][0]));
                        lp::sts_f32(adr[sl][1], fmaf(w, dv[p][sl].y, old[sl][1]));
                        lp::sts_f32(adr[sl][2], fmaf(w, dv[p][sl].z, old[sl][2]));
                        lp::sts_f32(adr[sl][3], fmaf(w, dv[p][sl].w, old[sl][3]));
                    }
                }
            }
            MXK_LP_LOAD_DATA(p)
        }
        MXK_LP_FETCH_CW()

        if (cs.last_block()) {
            __syncwarp();  // every lane's updates of this record are visible to the warp
            const bool split = (cs.r.w & MXK_RECORD_SPLIT_ROW) != 0;
            float* yrow = y + static_cast<size_t>(cs.r.x) * dim;
            const int nj = dim >> 5;
            for (int j = 0; j < nj; ++j) {
                const int col = lane + 32 * j;
                float4* line = reinterpret_cast<float4*>(acc + col * 32);
                float s = 0.f;
#pragma unroll
                for (int q0 = 0; q0 < 8; ++q0) {
                    const int q = (q0 + lane) & 7;
                    const float4 v = line[q];
                    line[q] = make_float4(0.f, 0.f, 0.f, 0.f);
                    s += (v.x + v.y) + (v.z + v.w);
                }
                if (split) {
                    red_add_f32(yrow + col, s);
                } else {
                    __stcs(yrow + col, s);
                }
            }
            __syncwarp();  // the zeroed copies are visible before the next record's updates
        }
        cs.advance(recs, num_recs, stride, PER_BLK);
    }
#undef MXK_LP_FETCH_CW
#undef MXK_LP_LOAD_DATA
}

template <typename IdxT, int GSZ, int SPL>
int launch_lp(const ForwardArgs& a, const mxk_tuning_t* tuning) {
    auto kernel = spgemm_forward_lp_kernel<IdxT, GSZ, SPL, kLpPipe>;
    static int bps_cache[9 * 9] = {};
    lp::LpShape sh;
    int st = lp::lp_shape(kernel, a.dim, a.p->num_records, tuning, "mxk_spgemm_forward", bps_cache, sh);
    if (st != MXK_OK) return st;
    kernel<<<sh.grid, sh.wpb * 32, sh.smem, a.s>>>(a.p->records, a.p->num_records, a.indices, a.values, a.xv,
                                                    static_cast<const IdxT*>(a.xi), a.k, a.dim, a.y);
    MXK_CHECK_LAUNCH("spgemm_forward_lp_kernel");
    return MXK_OK;
}

// gsz: lanes per edge, a power of two >= min(k / 4, 32).
template <typename IdxT>
int dispatch_lp(const ForwardArgs& a, int gsz, const mxk_tuning_t* tuning);

#define MXK_FORWARD_LP_INSTANTIATE(IdxT)                                                   \
    template <>                                                                            \
    int dispatch_lp<IdxT>(const ForwardArgs& a, int gsz, const mxk_tuning_t* tuning) {     \
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

}  // namespace forward_detail
}  // namespace mxk

#endif  // MXK_MAXK_FORWARD_LP_CUH_
