// maxk_backward.cu: host entry point of the SSpMM backward (checks, zeroing of grad_xs, configuration).
// The kernel and its description are in maxk_backward_kernel.cuh.
#include "maxk_backward_kernel.cuh"
#include "maxk_backward_lp.cuh"
#include "maxk_backward_rows.cuh"

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
    const int flags = tuning != nullptr ? tuning->flags : 0;
    const bool vec4 = !(flags & MXK_TUNE_SCALAR_SLOTS) && (k % 4 == 0) && mxk::aligned16(grad_xs) &&
                      (xi_addr % (index_width == MXK_INDEX_U8 ? 4u : 8u) == 0);
    int mode = (vec4 && (flags & MXK_TUNE_DIAGNOSTIC_SKIP_ACCUMULATE)) ? 2 : 0;
    const int kq = vec4 ? k / 4 : k;
    int gsz = 1;
    while (gsz < kq && gsz < 32) gsz <<= 1;
    // 16 index vectors per row (k = 64 on the vector path): one edge per warp step measured faster on the
    // H200 (9.6 vs 10.2 ms on the Reddit-sized benchmark) than two.
    if (vec4 && kq >= 16) gsz = 32;
    if (tuning != nullptr && tuning->group_lanes > 0) {
        gsz = tuning->group_lanes;
        int need = 1;
        while (need < kq && need < 32) need <<= 1;
        if (gsz < need) gsz = need;
    }
    // Bank-partitioned copies of the staged row (MODE 3, opt-in) when a warp has 2..8 groups and they fit.
    const int groups = 32 / gsz;
    if (mode == 0 && vec4 && groups >= 2 && groups <= 8 && static_cast<size_t>(groups) * dim * 4 <= 8192 &&
        (flags & MXK_TUNE_PARTITIONED_BANKS)) {
        mode = 3;
    }
    const int nrep = mode == 3 ? groups : 1;

    // Lane-private kernel (maxk_backward_lp.cuh): vector path, dim <= 256, opt-in (MXK_TUNE_LANE_PRIVATE).
    const bool use_lp = vec4 && mode == 0 && dim <= bc::kLpMaxDim && !(flags & MXK_TUNE_NO_LANE_PRIVATE) &&
                        ((flags & MXK_TUNE_LANE_PRIVATE));
    if (use_lp) {
        int lsz = 1;
        while (lsz < kq && lsz < 32) lsz <<= 1;
        if (tuning != nullptr && tuning->group_lanes > lsz) lsz = tuning->group_lanes;
        mxk::backward_detail::BackwardArgs a{partition, indices, values, grad_y, x_indices, grad_xs, k, dim, 0, 0, 0, s};
        if (index_width == MXK_INDEX_U8) return mxk::backward_detail::dispatch_lp<uint8_t>(a, lsz, tuning);
        return mxk::backward_detail::dispatch_lp<uint16_t>(a, lsz, tuning);
    }

    // Row-group kernel (maxk_backward_rows.cuh): every lane group owns a record. Vector path, default mode;
    // chosen for graphs of short records (MXK_TUNE_ROW_GROUPS forces it, MXK_TUNE_NO_ROW_GROUPS forbids it).
    const bool use_rows = vec4 && mode == 0 && !(flags & MXK_TUNE_NO_ROW_GROUPS) &&
                          !(flags & (MXK_TUNE_PARTITIONED_BANKS | MXK_TUNE_PREFETCH_WINDOW | MXK_TUNE_PREFETCH_L2 |
                                     MXK_TUNE_LANE_PRIVATE)) &&
                          ((flags & MXK_TUNE_ROW_GROUPS) || partition->mean_record_len <= bc::kRowGroupsMaxMeanRecordLen);
    if (use_rows) {
        int rsz = 1;
        while (rsz < kq && rsz < 32) rsz <<= 1;
        while (32 / rsz > 1 && static_cast<size_t>(32 / rsz) * dim * 4 > static_cast<size_t>(bc::kRowGroupsMaxWarpBytes)) rsz <<= 1;
        if (tuning != nullptr && tuning->group_lanes > rsz) rsz = tuning->group_lanes;
        const size_t rows_bytes = mxk::backward_detail::bwd_rows_warp_bytes(rsz, dim);
        int rwpb = (tuning != nullptr && tuning->warps_per_block > 0) ? tuning->warps_per_block
                                                                       : bc::kDefaultWarpsPerBlock;
        if (tuning == nullptr || tuning->warps_per_block == 0) {
            while (rwpb > 1 && rows_bytes * rwpb > 96 * 1024) rwpb >>= 1;
        }
        const int groups = 32 / rsz;
        const int nl = partition->num_rows_long;
        const int units = nl + (partition->num_rows_nonempty - nl + groups - 1) / groups;
        mxk::backward_detail::BackwardArgs a{partition, indices, values, grad_y, x_indices, grad_xs, k, dim, rwpb,
                                             mxk::record_grid(units, rwpb, tuning), rows_bytes * rwpb, s};
        if (index_width == MXK_INDEX_U8) return mxk::backward_detail::dispatch_rows<uint8_t>(a, rsz);
        return mxk::backward_detail::dispatch_rows<uint16_t>(a, rsz);
    }

    const size_t warp_bytes = static_cast<size_t>(nrep) * dim * sizeof(float);
    int wpb = (tuning != nullptr && tuning->warps_per_block > 0) ? tuning->warps_per_block
                                                                  : bc::kDefaultWarpsPerBlock;
    if (tuning == nullptr || tuning->warps_per_block == 0) {
        while (wpb > 1 && warp_bytes * wpb > 96 * 1024) wpb >>= 1;
    }
    mxk::backward_detail::BackwardArgs a{partition, indices, values, grad_y, x_indices, grad_xs, k, dim, wpb,
                        mxk::record_grid(partition->num_records, wpb, tuning), warp_bytes * wpb, s};
    a.pf = (flags & MXK_TUNE_NO_PREFETCH)       ? 0
           : (flags & MXK_TUNE_PREFETCH_WINDOW) ? 1
           : (flags & MXK_TUNE_PREFETCH_L2)     ? 2
                                                : (vec4 && mode == 0 && gsz == 32 && kq >= bc::kL2PrefetchMinSlotVectors) ? 2 : 0;
    if (index_width == MXK_INDEX_U8) return mxk::backward_detail::dispatch<uint8_t>(a, vec4, gsz, mode);
    return mxk::backward_detail::dispatch<uint16_t>(a, vec4, gsz, mode);
    MXK_API_END
}
