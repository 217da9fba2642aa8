// maxk_forward.cu: host entry point of the SpGEMM forward (argument checks, configuration, zeroing of
// rows that are not written by plain stores). The kernel is in maxk_forward_kernel.cuh.
#include <cstdint>

#include "maxk_forward_kernel.cuh"
#include "maxk_forward_lp.cuh"
#include "maxk_forward_rows.cuh"

namespace mxk {
namespace forward_detail {

// Zeroes whole rows of a row-major matrix (rows listed in `rows`), one block per listed row.
__global__ void zero_rows_kernel(const int32_t* __restrict__ rows, int num_rows, int dim, float* __restrict__ y) {
    const int d4n = dim >> 2;
    for (int i = blockIdx.x; i < num_rows; i += gridDim.x) {
        float4* yrow4 = reinterpret_cast<float4*>(y + static_cast<size_t>(rows[i]) * dim);
        for (int d = threadIdx.x; d < d4n; d += blockDim.x) yrow4[d] = make_float4(0.f, 0.f, 0.f, 0.f);
    }
}

int pow2_at_least(int v) {
    int p = 1;
    while (p < v) p <<= 1;
    return p;
}

}  // namespace forward_detail
}  // namespace mxk

extern "C" MXK_API int mxk_spgemm_forward(const mxk_partition* partition, const int32_t* indices,
                                          const float* values, int32_t n_cols, const float* x_values,
                                          const void* x_indices, int32_t index_width, int32_t k, int32_t dim,
                                          float* y, const mxk_tuning_t* tuning, void* stream) {
    MXK_API_BEGIN
    namespace fc = mxk::forward_config;
    namespace fd = mxk::forward_detail;
    const char* fn = "mxk_spgemm_forward";
    int st = mxk::check_cbsr_product_args(fn, partition, indices, n_cols, x_values, x_indices, index_width, k, dim,
                                          y, tuning, fc::kMaxK, fc::kMinDim, fc::kMaxDim);
    if (st != MXK_OK) return st;
    cudaStream_t s = mxk::as_stream(stream);
    const int flags = tuning != nullptr ? tuning->flags : 0;

    // Vector path: 4 CBSR slots per lane access (float4 values, 4 packed indices); needs k % 4 == 0 and
    // aligned CBSR rows (values 16 B, indices 4 B for uint8 / 8 B for uint16).
    const uintptr_t xi_addr = reinterpret_cast<uintptr_t>(x_indices);
    const bool vec4 = !(flags & MXK_TUNE_SCALAR_SLOTS) && (k % 4 == 0) && mxk::aligned16(x_values) &&
                      (xi_addr % (index_width == MXK_INDEX_U8 ? 4u : 8u) == 0);
    const int mode = !vec4 ? 0
                     : (flags & MXK_TUNE_DIAGNOSTIC_SKIP_ACCUMULATE) ? 2
                     : (flags & MXK_TUNE_SHARED_ATOMICS)              ? 1
                                                                      : 0;
    const int kv = vec4 ? k / 4 : k;

    // Lanes per edge group: the power of two >= min(kv, 32), and (private rows) few enough groups that
    // G * dim * 4 bytes stays within kMaxWarpBufferBytes.
    int gsz = fd::pow2_at_least(kv < 32 ? kv : 32);
    if (mode == 0) {
        int gmax = fc::kMaxWarpBufferBytes / (dim * 4);
        if (gmax < 1) gmax = 1;
        while (32 / gsz > gmax) gsz <<= 1;
    }
    if (tuning != nullptr && tuning->group_lanes > gsz) gsz = tuning->group_lanes;
    const int nbuf = mode == 0 ? 32 / gsz : 1;
    const size_t warp_bytes = static_cast<size_t>(nbuf) * dim * sizeof(float);

    int wpb = (tuning != nullptr && tuning->warps_per_block > 0) ? tuning->warps_per_block
                                                                  : fc::kDefaultWarpsPerBlock;
    if (tuning == nullptr || tuning->warps_per_block == 0) {
        while (wpb > 1 && warp_bytes * wpb > 96 * 1024) wpb >>= 1;  // keep >= 2 blocks per SM
    }

    // Row-group kernel (maxk_forward_rows.cuh): every lane group owns a record. Vector path, default mode;
    // chosen for graphs of short records (MXK_TUNE_ROW_GROUPS forces it, MXK_TUNE_NO_ROW_GROUPS forbids it).
    // It writes empty rows itself (length-0 records), so only the rows it splits are zeroed first.
    const bool use_rows = vec4 && mode == 0 && !(flags & MXK_TUNE_NO_ROW_GROUPS) &&
                          !(flags & (MXK_TUNE_SHARED_ATOMICS | MXK_TUNE_PREFETCH_WINDOW | MXK_TUNE_PREFETCH_L2 |
                                     MXK_TUNE_LANE_PRIVATE)) &&
                          ((flags & MXK_TUNE_ROW_GROUPS) || partition->mean_record_len <= fc::kRowGroupsMaxMeanRecordLen);
    if (use_rows) {
        if (partition->num_rows_zero_rows > 0) {
            const int nz = partition->num_rows_zero_rows;
            fd::zero_rows_kernel<<<nz < 65535 * 8 ? nz : 65535 * 8, 128, 0, s>>>(partition->rows_zero_rows, nz, dim, y);
            MXK_CHECK_LAUNCH("zero_rows_kernel");
        }
        if (partition->num_rows_records == 0) return MXK_OK;
        int rsz = fd::pow2_at_least(kv < 32 ? kv : 32);
        while (32 / rsz > 1 && static_cast<size_t>(32 / rsz) * dim * 4 > static_cast<size_t>(fc::kMaxWarpBufferBytes)) rsz <<= 1;
        if (tuning != nullptr && tuning->group_lanes > rsz) rsz = tuning->group_lanes;
        const size_t rows_bytes = fd::rows_warp_bytes(rsz, dim);
        int rwpb = (tuning != nullptr && tuning->warps_per_block > 0) ? tuning->warps_per_block
                                                                       : fc::kDefaultWarpsPerBlock;
        if (tuning == nullptr || tuning->warps_per_block == 0) {
            while (rwpb > 1 && rows_bytes * rwpb > 96 * 1024) rwpb >>= 1;
        }
        const int groups = 32 / rsz;
        const int nl = partition->num_rows_long;
        const int units = nl + (partition->num_rows_records - nl + groups - 1) / groups;
        fd::ForwardArgs a{partition, indices, values, x_values, x_indices, y, k, dim, rwpb,
                          mxk::record_grid(units, rwpb, tuning), rows_bytes * rwpb, s};
        if (index_width == MXK_INDEX_U8) return fd::dispatch_rows<uint8_t>(a, rsz);
        return fd::dispatch_rows<uint16_t>(a, rsz);
    }

    if (partition->num_zero_rows > 0) {
        int zb = partition->num_zero_rows < 65535 * 8 ? partition->num_zero_rows : 65535 * 8;
        fd::zero_rows_kernel<<<zb, 128, 0, s>>>(partition->zero_rows, partition->num_zero_rows, dim, y);
        MXK_CHECK_LAUNCH("zero_rows_kernel");
    }
    if (partition->num_records == 0) return MXK_OK;

    // Lane-private kernels (maxk_forward_lp.cuh): vector path, dim <= 256, opt-in (MXK_TUNE_LANE_PRIVATE).
    const bool use_lp = vec4 && mode == 0 && dim <= fc::kLpMaxDim && !(flags & MXK_TUNE_SHARED_ATOMICS) &&
                        !(flags & MXK_TUNE_NO_LANE_PRIVATE) &&
                        ((flags & MXK_TUNE_LANE_PRIVATE));
    if (use_lp) {
        int lsz = fd::pow2_at_least(kv < 32 ? kv : 32);
        if (tuning != nullptr && tuning->group_lanes > lsz) lsz = tuning->group_lanes;
        fd::ForwardArgs a{partition, indices, values, x_values, x_indices, y, k, dim, 0, 0, 0, s};
        if (index_width == MXK_INDEX_U8) return fd::dispatch_lp<uint8_t>(a, lsz, tuning);
        return fd::dispatch_lp<uint16_t>(a, lsz, tuning);
    }

    fd::ForwardArgs a{partition, indices, values, x_values, x_indices, y, k, dim, wpb,
                      mxk::record_grid(partition->num_records, wpb, tuning), warp_bytes * wpb, s};
    a.pf = (flags & MXK_TUNE_NO_PREFETCH)       ? 0
           : (flags & MXK_TUNE_PREFETCH_WINDOW) ? 1
           : (flags & MXK_TUNE_PREFETCH_L2)     ? 2
                                                : (vec4 && mode == 0 && warp_bytes >= fc::kL2PrefetchMinWarpBytes) ? 2 : 0;
    if (index_width == MXK_INDEX_U8) return fd::dispatch<uint8_t>(a, vec4, gsz, mode);
    return fd::dispatch<uint16_t>(a, vec4, gsz, mode);
    MXK_API_END
}
