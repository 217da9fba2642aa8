// mxk_checks.h: host-side argument checks shared by the SpGEMM forward and SSpMM backward entry points.
#ifndef MXK_CHECKS_H_
#define MXK_CHECKS_H_

#include <mutex>
#include <vector>

#include "mxk_common.h"
#include "mxk_partition.h"

namespace mxk {

// Checks the arguments common to mxk_spgemm_forward and mxk_sspmm_backward. `dense` is Y (forward) or
// grad_y (backward), `cbsr_values` is x_values (forward) or grad_xs (backward).
inline int check_cbsr_product_args(const char* fn, const mxk_partition* p, const int32_t* indices, int32_t n_cols,
                                   const void* cbsr_values, const void* x_indices, int32_t index_width, int32_t k,
                                   int32_t dim, const float* dense, const mxk_tuning_t* tuning, int max_k,
                                   int min_dim, int max_dim) {
    MXK_REQUIRE_ARG(p != nullptr, "%s: partition is NULL", fn);
    MXK_REQUIRE_ARG(p->nnz == 0 || indices != nullptr, "%s: indices is NULL", fn);
    MXK_REQUIRE_ARG(n_cols >= 1, "%s: n_cols must be >= 1 (got %d)", fn, n_cols);
    MXK_REQUIRE_ARG(cbsr_values != nullptr && x_indices != nullptr && dense != nullptr, "%s: NULL buffer", fn);
    MXK_REQUIRE_ARG(index_width == MXK_INDEX_U8 || index_width == MXK_INDEX_U16,
                    "%s: index_width must be 1 (uint8) or 2 (uint16), got %d", fn, index_width);
    MXK_REQUIRE_SHAPE(dim >= min_dim && dim <= max_dim && dim % 32 == 0,
                      "%s: dim must be a multiple of 32 in [%d, %d] (got %d)", fn, min_dim, max_dim, dim);
    MXK_REQUIRE_SHAPE(k >= 1 && k <= max_k && k <= dim, "%s: k must be in [1, min(%d, dim = %d)] (got %d)", fn,
                      max_k, dim, k);
    MXK_REQUIRE_SHAPE(index_width == MXK_INDEX_U16 || dim <= 256,
                      "%s: uint8 CBSR indices need dim <= 256 (got dim %d); use uint16", fn, dim);
    MXK_REQUIRE_ARG(aligned16(dense), "%s: the dense matrix must be 16-byte aligned", fn);
    if (tuning != nullptr) {
        MXK_REQUIRE_ARG(tuning->warps_per_block >= 0 && tuning->warps_per_block <= 16,
                        "%s: tuning.warps_per_block must be in [0, 16] (got %d)", fn, tuning->warps_per_block);
        MXK_REQUIRE_ARG(tuning->max_blocks >= 0, "%s: tuning.max_blocks must be >= 0", fn);
        const int gl = tuning->group_lanes;
        MXK_REQUIRE_ARG(gl == 0 || gl == 1 || gl == 2 || gl == 4 || gl == 8 || gl == 16 || gl == 32,
                        "%s: tuning.group_lanes must be 0, 1, 2, 4, 8, 16 or 32 (got %d)", fn, gl);
    }
    return MXK_OK;
}

// Grid size for a record list: one record per warp, or capped by tuning->max_blocks (grid-stride).
inline int record_grid(int num_records, int wpb, const mxk_tuning_t* tuning) {
    int64_t blocks = (static_cast<int64_t>(num_records) + wpb - 1) / wpb;
    if (tuning != nullptr && tuning->max_blocks > 0 && blocks > tuning->max_blocks) blocks = tuning->max_blocks;
    if (blocks > 0x7fffffffLL) blocks = 0x7fffffffLL;
    return static_cast<int>(blocks);
}

// Opt in to more than 48 KB of dynamic shared memory when needed; checks the device limit. The attribute is
// set once per (kernel, device, size): later calls find it in a small cache and make no CUDA call, so a
// launch costs no extra host time (the released MaxK-GNN protocol times launches with a host clock).
template <typename Kernel>
int ensure_smem(Kernel kernel, size_t bytes, const char* fn) {
    if (bytes <= 48 * 1024) return MXK_OK;
    int dev = 0;
    MXK_CUDA_CHECK(cudaGetDevice(&dev));
    struct Entry {
        const void* kernel;
        int device;
        size_t bytes;
    };
    static std::mutex mu;
    static std::vector<Entry> done;
    const void* key = reinterpret_cast<const void*>(kernel);
    {
        std::lock_guard<std::mutex> lock(mu);
        for (const Entry& e : done)
            if (e.kernel == key && e.device == dev && e.bytes >= bytes) return MXK_OK;
    }
    int optin = 0;
    MXK_CUDA_CHECK(cudaDeviceGetAttribute(&optin, cudaDevAttrMaxSharedMemoryPerBlockOptin, dev));
    MXK_REQUIRE_SHAPE(bytes <= static_cast<size_t>(optin),
                      "%s: needs %zu bytes of shared memory per block, device allows %d", fn, bytes, optin);
    MXK_CUDA_CHECK(cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize,
                                        static_cast<int>(bytes)));
    std::lock_guard<std::mutex> lock(mu);
    done.push_back(Entry{key, dev, bytes});
    return MXK_OK;
}

}  // namespace mxk

#endif  // MXK_CHECKS_H_
