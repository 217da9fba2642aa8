// gnnadvisor_decide.cu: GNNAdvisor's auto-mode decider (param.py), as described in platform.md section 3.
#include <cmath>

#include "../common/mxk_common.h"

extern "C" MXK_API int mxk_gnnadvisor_decide(int32_t n_rows, int64_t nnz, int32_t dim, int32_t hidden_layer_quirk,
                                             int32_t shared_mem_limit_bytes, mxk_gnnadvisor_config_t* out) {
    MXK_API_BEGIN
    const char* fn = "mxk_gnnadvisor_decide";
    MXK_REQUIRE_ARG(out != nullptr, "%s: out is NULL", fn);
    MXK_REQUIRE_ARG(n_rows >= 1 && nnz >= 0 && dim >= 1, "%s: bad sizes (n_rows %d, nnz %lld, dim %d)", fn, n_rows,
                    static_cast<long long>(nnz), dim);
    MXK_REQUIRE_ARG(shared_mem_limit_bytes >= 0, "%s: shared_mem_limit_bytes must be >= 0", fn);
    const double shared_mem = shared_mem_limit_bytes > 0 ? shared_mem_limit_bytes : 100000.0;  // 100 KB default
    const double avg_degree = static_cast<double>(nnz) / static_cast<double>(n_rows);
    int64_t ngs = static_cast<int64_t>(avg_degree);  // int(): truncation
    if (ngs < 1) ngs = 1;
    if (ngs > 65536) ngs = 65536;  // the partition's max_chunk limit
    const double dim_term = hidden_layer_quirk ? static_cast<double>(dim) : 4.0 * dim;
    const double est = 8.0 * (4.0 * ngs + dim_term + 400.0);
    const double budget = std::fmin(est, 0.4 * shared_mem);
    int64_t wpb = static_cast<int64_t>(std::floor(budget / (4.0 * ngs + 4.0 * dim)));
    if (wpb > 8) wpb = 8;
    if (wpb < 1) wpb = 1;
    out->ngs = static_cast<int32_t>(ngs);
    out->wpb = static_cast<int32_t>(wpb);
    out->dw = dim > 32 ? 32 : dim;
    out->shared_mem_bytes = static_cast<int32_t>(wpb * (8 * ngs + 4 * static_cast<int64_t>(dim)));
    return MXK_OK;
    MXK_API_END
}
