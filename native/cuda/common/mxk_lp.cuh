// mxk_lp.cuh: building blocks of the "lane-private" (LP) SpGEMM forward and SSpMM backward kernels.
//
// Why. The previous kernels scatter (forward) or gather (backward) 4-byte words at random columns of a
// dim-wide shared-memory row: 32 random banks per warp access cost ~3.5 shared-memory wavefronts instead of
// one (E[max bank load] of 32 balls in 32 bins), and on the H200 those wavefronts share the L1/shared data
// path with the L2 gathers (NOTES.md). The LP layout gives every lane its own copy of the row, interleaved
// so that lane l's copy of column c is word c * 32 + l: every lane only ever touches bank l, so each warp
// access is exactly one wavefront whatever the indices are. Cost: 32 copies, i.e. 128 * dim bytes per warp
// (32 KB at dim = 256, so about 7 warps per SM), and a per-record pass over the copies (forward: sum and
// re-zero; backward: replicate the staged grad_y row) that is cheap only when records are long.
//
// Latency. With ~7 warps per SM nothing hides the L2 latency unless each warp keeps many loads in flight,
// so both kernels run a software pipeline over "steps" (one edge per lane group, G = 32 / GSZ edges per
// step) in "blocks" of P steps: while block b is consumed, the CBSR rows of block b + 1 are in flight and
// the CSR (column, weight) pairs of block b + 2. Records are padded to whole blocks (the padding steps are
// marked invalid and cost a few integer instructions), so a record always ends at a block boundary and
// the per-record work (flush / staging) sits outside the unrolled body. The ring buffers are register
// arrays indexed only by unrolled loop counters. The walk over records continues across records without a
// pipeline drain: two cursors (load and consume) walk the same record sequence, 2 blocks apart.
#ifndef MXK_LP_CUH_
#define MXK_LP_CUH_

#include <cuda_runtime.h>

#include <cstdint>

#include "mxk_checks.h"
#include "mxk_common.h"

namespace mxk {
namespace lp {

constexpr int kLpThreads = 256;  // launch bound of the LP kernels (8 warps)
constexpr int kLpPipe = 8;       // steps per pipeline block

// Next record index of a grid-stride walk without int overflow: num when the walk is done.
__device__ __forceinline__ int next_rec(int rec, int stride, int num) { return rec < num - stride ? rec + stride : num; }

// A warp-uniform position in the record walk: record `rec` (>= num_recs when done), block `blk` of its
// `nblk` blocks of `per_blk` = G * P edge slots. The next record is prefetched one record ahead.
struct Cursor {
    int4 r;     // (row, start, len, flags) of the current record
    int4 nr;    // the next record (valid when nrec < num_recs)
    int rec, nrec, blk, nblk;

    __device__ __forceinline__ void init(const int4* __restrict__ recs, int num_recs, int first, int stride,
                                         int per_blk) {
        r = make_int4(0, 0, 0, 0);
        nr = r;
        rec = first < num_recs ? first : num_recs;
        blk = 0;
        nblk = 0;
        if (rec < num_recs) {
            r = __ldg(recs + rec);
            nblk = (r.z + per_blk - 1) / per_blk;
        }
        nrec = rec < num_recs ? next_rec(rec, stride, num_recs) : num_recs;
        if (nrec < num_recs) nr = __ldg(recs + nrec);
    }

    __device__ __forceinline__ bool valid(int num_recs) const { return rec < num_recs; }
    // True when the current block is the last one of the current record.
    __device__ __forceinline__ bool last_block() const { return blk + 1 >= nblk; }

    // Moves to the next block (and record).
    __device__ __forceinline__ void advance(const int4* __restrict__ recs, int num_recs, int stride, int per_blk) {
        if (rec >= num_recs) return;
        if (++blk < nblk) return;
        rec = nrec;
        blk = 0;
        if (rec < num_recs) {
            r = nr;
            nblk = (r.z + per_blk - 1) / per_blk;
            nrec = next_rec(rec, stride, num_recs);
            if (nrec < num_recs) nr = __ldg(recs + nrec);
        }
    }
};

// CBSR loads that should not allocate in L1 (no reuse within an SM), so that L1 keeps the CSR lines that
// the lanes of a group read repeatedly (broadcast loads of the same column/weight over several steps).
__device__ __forceinline__ float4 ldg_stream_f4(const float* p) {
    float4 v;
    asm("ld.global.nc.L1::no_allocate.v4.f32 {%0, %1, %2, %3}, [%4];"
        : "=f"(v.x), "=f"(v.y), "=f"(v.z), "=f"(v.w)
        : "l"(p));
    return v;
}

__device__ __forceinline__ uint32_t ldg_stream_u32(const void* p) {
    uint32_t v;
    asm("ld.global.nc.L1::no_allocate.u32 %0, [%1];" : "=r"(v) : "l"(p));
    return v;
}

__device__ __forceinline__ uint2 ldg_stream_u32x2(const void* p) {
    uint2 v;
    asm("ld.global.nc.L1::no_allocate.v2.u32 {%0, %1}, [%2];" : "=r"(v.x), "=r"(v.y) : "l"(p));
    return v;
}

// Four packed CBSR indices (one slot vector): uint8 -> one 32-bit word, uint16 -> two. off(t) is the byte
// offset of slot t's column in the lane-private layout: column * 32 words * 4 bytes.
template <typename IdxT>
struct Idx4;

template <>
struct Idx4<uint8_t> {
    uint32_t w;
    __device__ __forceinline__ void load(const uint8_t* p) { w = ldg_stream_u32(p); }
    // PRMT (byte t, zero-extended) + shift-add: two instructions per slot.
    __device__ __forceinline__ uint32_t off(int t) const { return __byte_perm(w, 0u, 0x4440u + t) << 7; }
};

template <>
struct Idx4<uint16_t> {
    uint2 w;
    __device__ __forceinline__ void load(const uint16_t* p) { w = ldg_stream_u32x2(p); }
    __device__ __forceinline__ uint32_t off(int t) const {
        const uint32_t h = t < 2 ? w.x : w.y;
        return __byte_perm(h, 0u, (t & 1) ? 0x4432u : 0x4410u) << 7;
    }
};

// Shared-memory word access through 32-bit shared-window addresses. Both are volatile so that the
// compiler keeps their relative order (a lane's read-modify-writes of consecutive steps may hit the same
// word); they carry no "memory" clobber so that global loads can still be scheduled around them. Code that
// reads the words with ordinary accesses must be separated from them by __syncwarp() (a compiler barrier).
__device__ __forceinline__ float lds_f32(uint32_t a) {
    float v;
    asm volatile("ld.shared.f32 %0, [%1];" : "=f"(v) : "r"(a));
    return v;
}

__device__ __forceinline__ void sts_f32(uint32_t a, float v) { asm volatile("st.shared.f32 [%0], %1;" ::"r"(a), "f"(v)); }

// The 32-bit shared-window address of p, pinned in a register (an opaque move, so that the compiler does
// not re-derive it from the CTA id and thread index at every use).
__device__ __forceinline__ uint32_t smem_addr(const void* p) {
    const uint32_t a = static_cast<uint32_t>(__cvta_generic_to_shared(p));
    uint32_t r;
    asm volatile("mov.b32 %0, %1;" : "=r"(r) : "r"(a));
    return r;
}

// Launch shape of an LP kernel: warps per block (as many resident warps per SM as the 128 * dim bytes per
// warp allow, unless tuned), shared memory, and a persistent grid (resident blocks * SMs, or fewer when
// there are fewer records; capped by tuning->max_blocks).
struct LpShape {
    int wpb = 0, grid = 0;
    size_t smem = 0;
};

// `bps_cache` is a per-kernel-instance int[9 * 9] (indexed by warps and dim / 32), zero-initialised.
template <typename Kernel>
int lp_shape(Kernel kernel, int dim, int num_recs, const mxk_tuning_t* tuning, const char* fn, int* bps_cache,
             LpShape& out) {
    int dev = 0, optin = 0, smem_sm = 0, reserved = 0, sms = 0;
    MXK_CUDA_CHECK(cudaGetDevice(&dev));
    MXK_CUDA_CHECK(cudaDeviceGetAttribute(&optin, cudaDevAttrMaxSharedMemoryPerBlockOptin, dev));
    MXK_CUDA_CHECK(cudaDeviceGetAttribute(&smem_sm, cudaDevAttrMaxSharedMemoryPerMultiprocessor, dev));
    MXK_CUDA_CHECK(cudaDeviceGetAttribute(&reserved, cudaDevAttrReservedSharedMemoryPerBlock, dev));
    MXK_CUDA_CHECK(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, dev));
    const size_t per_warp = static_cast<size_t>(128) * dim;
    constexpr int kMaxW = kLpThreads / 32;
    int wmax = static_cast<int>(static_cast<size_t>(optin) / per_warp);
    if (wmax > kMaxW) wmax = kMaxW;
    MXK_REQUIRE_SHAPE(wmax >= 1, "%s: the lane-private path needs %zu bytes of shared memory per warp", fn, per_warp);
    int w = (tuning != nullptr && tuning->warps_per_block > 0) ? tuning->warps_per_block : 0;
    if (w > wmax) w = wmax;
    if (w == 0) {
        int best = 0;
        for (int c = wmax; c >= 1; --c) {
            int b = static_cast<int>(static_cast<size_t>(smem_sm) / (c * per_warp + reserved));
            if (b > 64 / c) b = 64 / c;
            if (b * c > best) {
                best = b * c;
                w = c;
            }
        }
        if (w == 0) w = 1;
    }
    out.wpb = w;
    out.smem = w * per_warp;
    int st = ensure_smem(kernel, out.smem, fn);
    if (st != MXK_OK) return st;
    // Resident blocks per SM, cached per (warps, dim) for this kernel instance (benign race on ints).
    int bps = (dim / 32 <= 8) ? bps_cache[w * 9 + dim / 32] : 0;
    if (bps <= 0) {
        int b = 0;
        MXK_CUDA_CHECK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&b, kernel, w * 32, out.smem));
        bps = b > 0 ? b : 1;
        if (dim / 32 <= 8) bps_cache[w * 9 + dim / 32] = bps;
    }
    int64_t blocks = (static_cast<int64_t>(num_recs) + w - 1) / w;
    const int64_t resident = static_cast<int64_t>(bps) * sms;
    if (blocks > resident) blocks = resident;
    if (tuning != nullptr && tuning->max_blocks > 0 && blocks > tuning->max_blocks) blocks = tuning->max_blocks;
    if (blocks < 1) blocks = 1;
    out.grid = static_cast<int>(blocks);
    return MXK_OK;
}

}  // namespace lp
}  // namespace mxk

#endif  // MXK_LP_CUH_
