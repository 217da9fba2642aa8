// check_reference.h: CPU references in double precision (simple loops, independent of the kernels).
#ifndef MXK_CHECK_REFERENCE_H_
#define MXK_CHECK_REFERENCE_H_

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "check_common.h"

namespace check {

// Y = A X, X dense n_cols x dim.
inline std::vector<double> ref_spmm(const HostCsr& g, const std::vector<float>& x, int dim, bool weighted = true) {
    std::vector<double> y(static_cast<size_t>(g.n_rows) * dim, 0.0);
    parallel_for(g.n_rows, [&](int64_t r) {
        double* yr = &y[static_cast<size_t>(r) * dim];
        for (int32_t e = g.indptr[r]; e < g.indptr[r + 1]; ++e) {
            const double w = weighted ? g.values[e] : 1.0;
            const float* xr = &x[static_cast<size_t>(g.indices[e]) * dim];
            for (int d = 0; d < dim; ++d) yr[d] += w * xr[d];
        }
    });
    return y;
}

// Full order of each row by (value desc, column asc); -0.0 == +0.0 as floats compare.
inline std::vector<int32_t> ref_row_order(const std::vector<float>& x, int64_t n_rows, int dim) {
    std::vector<int32_t> order(static_cast<size_t>(n_rows) * dim);
    parallel_for(n_rows, [&](int64_t r) {
        int32_t* o = &order[static_cast<size_t>(r) * dim];
        const float* xr = &x[static_cast<size_t>(r) * dim];
        std::iota(o, o + dim, 0);
        std::sort(o, o + dim, [&](int32_t a, int32_t b) {
            if (xr[a] != xr[b]) return xr[a] > xr[b];
            return a < b;
        });
    });
    return order;
}

// Y = A * scatter(CBSR): Y[r, idx[c,s]] += w * val[c,s].
template <typename IdxT>
std::vector<double> ref_forward(const HostCsr& g, const std::vector<float>& xv, const std::vector<IdxT>& xi, int k,
                                int dim, bool weighted = true) {
    std::vector<double> y(static_cast<size_t>(g.n_rows) * dim, 0.0);
    parallel_for(g.n_rows, [&](int64_t r) {
        double* yr = &y[static_cast<size_t>(r) * dim];
        for (int32_t e = g.indptr[r]; e < g.indptr[r + 1]; ++e) {
            const double w = weighted ? g.values[e] : 1.0;
            const size_t o = static_cast<size_t>(g.indices[e]) * k;
            for (int s = 0; s < k; ++s) yr[xi[o + s]] += w * xv[o + s];
        }
    });
    return y;
}

// dXs[c, s] = sum over edges r -> c of w * G[r, idx[c, s]] (transpose product sampled at the pattern).
template <typename IdxT>
std::vector<double> ref_backward(const HostCsr& g, const std::vector<float>& gy, const std::vector<IdxT>& xi, int k,
                                 int dim, bool weighted = true) {
    std::vector<double> dx(static_cast<size_t>(g.n_cols) * k, 0.0);
    for (int r = 0; r < g.n_rows; ++r) {
        const float* gr = &gy[static_cast<size_t>(r) * dim];
        for (int32_t e = g.indptr[r]; e < g.indptr[r + 1]; ++e) {
            const double w = weighted ? g.values[e] : 1.0;
            const size_t o = static_cast<size_t>(g.indices[e]) * k;
            for (int s = 0; s < k; ++s) dx[o + s] += w * gr[xi[o + s]];
        }
    }
    return dx;
}

}  // namespace check

#endif  // MXK_CHECK_REFERENCE_H_
