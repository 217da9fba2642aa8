// check_verify.cu: `maxk_native_check verify`: every kernel against CPU references on fresh random inputs.
#include <cstdarg>
#include <cstring>
#include <memory>
#include <string>

#include "check_common.h"
#include "check_reference.h"

namespace check {
namespace {

constexpr double kTol = 1e-5;

struct Tally {
    int pass = 0, fail = 0;
    std::vector<std::string> failures;
    void record(bool ok, const std::string& what, const std::string& detail = "") {
        if (ok) {
            ++pass;
        } else {
            ++fail;
            failures.push_back(what + (detail.empty() ? "" : ": " + detail));
            std::printf("  FAIL %s %s\n", what.c_str(), detail.c_str());
        }
    }
};

std::string fmt(const char* f, ...) __attribute__((format(printf, 1, 2)));
std::string fmt(const char* f, ...) {
    char buf[512];
    va_list a;
    va_start(a, f);
    vsnprintf(buf, sizeof(buf), f, a);
    va_end(a);
    return buf;
}

struct PartitionHandle {
    mxk_partition* p = nullptr;
    ~PartitionHandle() { if (p) mxk_partition_destroy(p); }
};

std::unique_ptr<PartitionHandle> make_partition(DevCsr& d, const HostCsr& g, int chunk) {
    auto h = std::make_unique<PartitionHandle>();
    CK_MXK(mxk_partition_create(d.indptr.p, g.n_rows, g.nnz(), chunk, nullptr, &h->p));
    return h;
}

void check_partition(const HostCsr& g, mxk_partition* p, int chunk, Tally& t) {
    mxk_partition_info_t info;
    CK_MXK(mxk_partition_get_info(p, &info));
    int64_t recs = 0, zero = 0;
    for (int r = 0; r < g.n_rows; ++r) {
        const int d = g.indptr[r + 1] - g.indptr[r];
        recs += (d + chunk - 1) / chunk;
        zero += (d == 0 || d > chunk) ? 1 : 0;
    }
    std::vector<int32_t> pp(info.num_records + 1), p2n(info.num_records);
    CK_CUDA(cudaMemcpy(pp.data(), info.part_ptr, pp.size() * 4, cudaMemcpyDeviceToHost));
    if (info.num_records) CK_CUDA(cudaMemcpy(p2n.data(), info.part2node, p2n.size() * 4, cudaMemcpyDeviceToHost));
    bool ok = info.num_records == recs && info.num_zero_rows == zero && pp.back() == g.nnz();
    for (int i = 0; ok && i < info.num_records; ++i) {
        const int r = p2n[i];
        ok = pp[i] < pp[i + 1] && pp[i + 1] - pp[i] <= chunk && pp[i] >= g.indptr[r] && pp[i + 1] <= g.indptr[r + 1];
    }
    t.record(ok, fmt("partition chunk=%d", chunk),
             fmt("records %d (expect %lld), zero rows %d (expect %lld), sentinel %d (expect %d)", info.num_records,
                 (long long)recs, info.num_zero_rows, (long long)zero, pp.back(), g.nnz()));
}

// Top-k selection against the CPU order; exact values and indices per slot.
template <typename IdxT>
void check_select(const std::vector<float>& xh, const float* xd, int n, int dim, int k,
                  const std::vector<int32_t>& order, DevBuf<float>& ov, DevBuf<IdxT>& oi, Tally& t,
                  const std::string& label) {
    ov.alloc(static_cast<size_t>(n) * k);
    oi.alloc(static_cast<size_t>(n) * k);
    ov.poison();
    oi.poison();
    int st = mxk_maxk_select(xd, n, dim, k, ov.p, oi.p, sizeof(IdxT), nullptr);
    CK_CUDA(cudaDeviceSynchronize());
    if (st != MXK_OK) {
        t.record(false, label, fmt("status %s: %s", mxk_status_string(st), mxk_last_error()));
        return;
    }
    auto hv = ov.download();
    auto hi = oi.download();
    int64_t bad = 0, first = -1;
    for (int64_t r = 0; r < n; ++r) {
        for (int s = 0; s < k; ++s) {
            const int col = order[static_cast<size_t>(r) * dim + s];
            const size_t o = static_cast<size_t>(r) * k + s;
            if (static_cast<int>(hi[o]) != col || !(hv[o] == xh[static_cast<size_t>(r) * dim + col])) {
                if (first < 0) first = static_cast<int64_t>(o);
                ++bad;
            }
        }
    }
    t.record(bad == 0, label, bad ? fmt("%lld mismatched slots, first at %lld", (long long)bad, (long long)first) : "");
}

struct VerifyCtx {
    HostCsr g;
    DevCsr d;
    std::vector<std::pair<int, std::unique_ptr<PartitionHandle>>> parts;  // cached by chunk
    mxk_partition* part(int chunk) {
        for (auto& pr : parts)
            if (pr.first == chunk) return pr.second->p;
        parts.emplace_back(chunk, make_partition(d, g, chunk));
        return parts.back().second->p;
    }
};

template <typename IdxT>
void check_products(VerifyCtx& c, const std::vector<float>& xh, DevBuf<float>& xd, const std::vector<float>& gh,
                    DevBuf<float>& gd, int dim, int k, const std::vector<int32_t>& order, Tally& t) {
    const int n = c.g.n_rows;
    const int iw = sizeof(IdxT);
    DevBuf<float> xv;
    DevBuf<IdxT> xi;
    check_select<IdxT>(xh, xd.p, n, dim, k, order, xv, xi, t, fmt("select D=%d k=%d iw=%d", dim, k, iw));
    const auto hv = xv.download();
    const auto hi = xi.download();
    for (size_t i = 0; i < hi.size(); ++i) {
        if (static_cast<int>(hi[i]) >= dim) {  // unusable CBSR: the references below would index out of range
            t.record(false, fmt("products D=%d k=%d iw=%d", dim, k, iw), "select produced an index >= dim; skipped");
            return;
        }
    }

    // Forward.
    const auto yref = ref_forward(c.g, hv, hi, k, dim);
    DevBuf<float> y(static_cast<size_t>(n) * dim);
    struct Variant { int chunk; mxk_tuning_t tun; bool use_tun; };
    std::vector<Variant> variants = {{1024, {}, false}, {7, {}, false}};
    const bool many = (k == 3 || k == 16 || k == 32 || k == 33 || k == 64 || k == 96 || k == 256);
    if (many) {
        variants.push_back({64, {}, false});
        variants.push_back({1024, {3, 7, 0, 0}, true});
        variants.push_back({64, {16, 0, 32, 0}, true});
        variants.push_back({1024, {1, 0, 0, 0}, true});
        variants.push_back({1024, {0, 0, 0, MXK_TUNE_SCALAR_SLOTS}, true});
        variants.push_back({64, {0, 0, 0, MXK_TUNE_SHARED_ATOMICS}, true});
        variants.push_back({7, {5, 3, 0, MXK_TUNE_SHARED_ATOMICS}, true});
        variants.push_back({1024, {0, 0, 8, 0}, true});
        variants.push_back({64, {2, 0, 1, MXK_TUNE_SCALAR_SLOTS}, true});
        variants.push_back({1024, {4, 0, 16, 0}, true});
    }
    // Lane-private kernels (forced: the verify graph's records are too short for the default to pick them;
    // they only exist for the vector path at dim <= 256, elsewhere the flag falls back to the old kernels).
    variants.push_back({1024, {0, 0, 0, MXK_TUNE_LANE_PRIVATE}, true});
    variants.push_back({7, {0, 0, 0, MXK_TUNE_LANE_PRIVATE}, true});
    variants.push_back({64, {3, 5, 0, MXK_TUNE_LANE_PRIVATE}, true});
    // Row-group kernels (the default for this graph's short records) forced and forbidden, with their knobs.
    const int RG = MXK_TUNE_ROW_GROUPS, NRG = MXK_TUNE_NO_ROW_GROUPS;
    for (int chunk : {1024, 64, 7}) {
        variants.push_back({chunk, {0, 0, 0, RG}, true});
        variants.push_back({chunk, {0, 0, 0, NRG}, true});
    }
    if (many) {
        variants.push_back({64, {3, 5, 0, RG}, true});
        variants.push_back({1024, {16, 0, 0, RG}, true});
        variants.push_back({7, {1, 3, 0, RG}, true});
        variants.push_back({1024, {0, 0, 32, RG}, true});
        variants.push_back({64, {2, 1, 8, RG}, true});
        variants.push_back({1024, {0, 0, 0, RG | NRG}, true});
        variants.push_back({64, {3, 7, 0, NRG}, true});
        variants.push_back({64, {16, 0, 32, NRG}, true});
        variants.push_back({1024, {0, 0, 8, NRG}, true});
    }
    // CSR prefetch variants of the default kernels (window staging with cp.async; L2 prefetch only; none).
    variants.push_back({1024, {0, 0, 0, MXK_TUNE_PREFETCH_WINDOW}, true});
    variants.push_back({64, {0, 0, 0, MXK_TUNE_PREFETCH_WINDOW}, true});
    variants.push_back({1024, {0, 0, 0, MXK_TUNE_PREFETCH_L2}, true});
    variants.push_back({1024, {0, 0, 0, MXK_TUNE_NO_PREFETCH}, true});
    if (many) {
        variants.push_back({7, {0, 0, 0, MXK_TUNE_PREFETCH_WINDOW}, true});
        variants.push_back({64, {3, 7, 0, MXK_TUNE_PREFETCH_WINDOW}, true});
        variants.push_back({1024, {0, 0, 32, MXK_TUNE_PREFETCH_WINDOW}, true});
        variants.push_back({64, {0, 0, 0, MXK_TUNE_PREFETCH_L2}, true});
        variants.push_back({1024, {0, 0, 32, MXK_TUNE_LANE_PRIVATE}, true});
        variants.push_back({64, {16, 1, 0, MXK_TUNE_LANE_PRIVATE}, true});
        variants.push_back({1024, {0, 0, 0, MXK_TUNE_LANE_PRIVATE | MXK_TUNE_NO_LANE_PRIVATE}, true});
    }
    for (const auto& v : variants) {
        y.poison();
        int st = mxk_spgemm_forward(c.part(v.chunk), c.d.indices.p, c.d.values.p, n, xv.p, xi.p, iw, k, dim, y.p,
                                    v.use_tun ? &v.tun : nullptr, nullptr);
        CK_CUDA(cudaDeviceSynchronize());
        const std::string label = fmt("forward D=%d k=%d iw=%d chunk=%d wpb=%d maxb=%d gl=%d flags=%d", dim, k, iw,
                                      v.chunk, v.tun.warps_per_block, v.tun.max_blocks, v.tun.group_lanes, v.tun.flags);
        if (st != MXK_OK) {
            t.record(false, label, fmt("%s: %s", mxk_status_string(st), mxk_last_error()));
            continue;
        }
        const auto yh = y.download();
        const double e = rel_error(yh.data(), yref.data(), yh.size());
        t.record(e < kTol, label, fmt("relerr %.3g", e));
    }

    // Backward (SSpMM).
    const auto dref = ref_backward(c.g, gh, hi, k, dim);
    DevBuf<float> dx(static_cast<size_t>(n) * k);
    std::vector<Variant> bvars = {{1024, {}, false}, {7, {}, false}};
    if (many) {
        bvars.push_back({64, {3, 5, 0, 0}, true});
        bvars.push_back({1024, {0, 0, 0, MXK_TUNE_SCALAR_SLOTS}, true});
        bvars.push_back({64, {16, 0, 32, 0}, true});
        bvars.push_back({7, {1, 0, 8, 0}, true});
        bvars.push_back({64, {0, 0, 0, MXK_TUNE_PARTITIONED_BANKS}, true});
        bvars.push_back({1024, {5, 0, 16, 0}, true});
        bvars.push_back({1024, {0, 0, 4, 0}, true});
    }
    bvars.push_back({1024, {0, 0, 0, MXK_TUNE_LANE_PRIVATE}, true});
    bvars.push_back({7, {0, 0, 0, MXK_TUNE_LANE_PRIVATE}, true});
    bvars.push_back({64, {3, 5, 0, MXK_TUNE_LANE_PRIVATE}, true});
    for (int chunk : {1024, 64, 7}) {
        bvars.push_back({chunk, {0, 0, 0, RG}, true});
        bvars.push_back({chunk, {0, 0, 0, NRG}, true});
    }
    if (many) {
        bvars.push_back({64, {3, 5, 0, RG}, true});
        bvars.push_back({1024, {16, 0, 0, RG}, true});
        bvars.push_back({7, {1, 3, 0, RG}, true});
        bvars.push_back({1024, {0, 0, 32, RG}, true});
        bvars.push_back({64, {2, 1, 8, RG}, true});
        bvars.push_back({64, {3, 5, 0, NRG}, true});
        bvars.push_back({7, {1, 0, 8, NRG}, true});
        bvars.push_back({1024, {0, 0, 4, NRG}, true});
    }
    bvars.push_back({1024, {0, 0, 0, MXK_TUNE_PREFETCH_WINDOW}, true});
    bvars.push_back({64, {0, 0, 0, MXK_TUNE_PREFETCH_WINDOW}, true});
    bvars.push_back({1024, {0, 0, 0, MXK_TUNE_PREFETCH_L2}, true});
    bvars.push_back({1024, {0, 0, 0, MXK_TUNE_NO_PREFETCH}, true});
    if (many) {
        bvars.push_back({7, {0, 0, 0, MXK_TUNE_PREFETCH_WINDOW}, true});
        bvars.push_back({64, {3, 7, 0, MXK_TUNE_PREFETCH_WINDOW}, true});
        bvars.push_back({1024, {0, 0, 32, MXK_TUNE_PREFETCH_WINDOW}, true});
        bvars.push_back({64, {0, 0, 0, MXK_TUNE_PREFETCH_L2}, true});
        bvars.push_back({1024, {0, 0, 32, MXK_TUNE_LANE_PRIVATE}, true});
        bvars.push_back({64, {16, 1, 0, MXK_TUNE_LANE_PRIVATE}, true});
    }
    for (const auto& v : bvars) {
        dx.poison();
        int st = mxk_sspmm_backward(c.part(v.chunk), c.d.indices.p, c.d.values.p, n, gd.p, xi.p, iw, k, dim, dx.p,
                                    v.use_tun ? &v.tun : nullptr, nullptr);
        CK_CUDA(cudaDeviceSynchronize());
        const std::string label = fmt("backward D=%d k=%d iw=%d chunk=%d wpb=%d maxb=%d gl=%d flags=%d", dim, k, iw,
                                      v.chunk, v.tun.warps_per_block, v.tun.max_blocks, v.tun.group_lanes, v.tun.flags);
        if (st != MXK_OK) {
            t.record(false, label, fmt("%s: %s", mxk_status_string(st), mxk_last_error()));
            continue;
        }
        const auto dh = dx.download();
        const double e = rel_error(dh.data(), dref.data(), dh.size());
        t.record(e < kTol, label, fmt("relerr %.3g", e));
    }

    // Unweighted (values = NULL) forward and backward.
    if (many) {
        const auto yref1 = ref_forward(c.g, hv, hi, k, dim, false);
        y.poison();
        CK_MXK(mxk_spgemm_forward(c.part(64), c.d.indices.p, nullptr, n, xv.p, xi.p, iw, k, dim, y.p, nullptr,
                                  nullptr));
        CK_CUDA(cudaDeviceSynchronize());
        auto yh = y.download();
        double e = rel_error(yh.data(), yref1.data(), yh.size());
        t.record(e < kTol, fmt("forward unweighted D=%d k=%d", dim, k), fmt("relerr %.3g", e));
        const auto dref1 = ref_backward(c.g, gh, hi, k, dim, false);
        dx.poison();
        CK_MXK(mxk_sspmm_backward(c.part(64), c.d.indices.p, nullptr, n, gd.p, xi.p, iw, k, dim, dx.p, nullptr,
                                  nullptr));
        CK_CUDA(cudaDeviceSynchronize());
        auto dh = dx.download();
        e = rel_error(dh.data(), dref1.data(), dh.size());
        t.record(e < kTol, fmt("backward unweighted D=%d k=%d", dim, k), fmt("relerr %.3g", e));
        for (int fl : {MXK_TUNE_PREFETCH_WINDOW, MXK_TUNE_PREFETCH_L2, MXK_TUNE_ROW_GROUPS, MXK_TUNE_NO_ROW_GROUPS}) {
            const mxk_tuning_t pf{0, 0, 0, fl};
            y.poison();
            CK_MXK(mxk_spgemm_forward(c.part(1024), c.d.indices.p, nullptr, n, xv.p, xi.p, iw, k, dim, y.p, &pf, nullptr));
            CK_CUDA(cudaDeviceSynchronize());
            yh = y.download();
            e = rel_error(yh.data(), yref1.data(), yh.size());
            t.record(e < kTol, fmt("forward unweighted flags=%d D=%d k=%d", fl, dim, k), fmt("relerr %.3g", e));
            dx.poison();
            CK_MXK(mxk_sspmm_backward(c.part(1024), c.d.indices.p, nullptr, n, gd.p, xi.p, iw, k, dim, dx.p, &pf, nullptr));
            CK_CUDA(cudaDeviceSynchronize());
            dh = dx.download();
            e = rel_error(dh.data(), dref1.data(), dh.size());
            t.record(e < kTol, fmt("backward unweighted flags=%d D=%d k=%d", fl, dim, k), fmt("relerr %.3g", e));
        }
        const mxk_tuning_t lp{0, 0, 0, MXK_TUNE_LANE_PRIVATE};
        y.poison();
        CK_MXK(mxk_spgemm_forward(c.part(1024), c.d.indices.p, nullptr, n, xv.p, xi.p, iw, k, dim, y.p, &lp, nullptr));
        CK_CUDA(cudaDeviceSynchronize());
        yh = y.download();
        e = rel_error(yh.data(), yref1.data(), yh.size());
        t.record(e < kTol, fmt("forward unweighted lane-private D=%d k=%d", dim, k), fmt("relerr %.3g", e));
        dx.poison();
        CK_MXK(mxk_sspmm_backward(c.part(1024), c.d.indices.p, nullptr, n, gd.p, xi.p, iw, k, dim, dx.p, &lp, nullptr));
        CK_CUDA(cudaDeviceSynchronize());
        dh = dx.download();
        e = rel_error(dh.data(), dref1.data(), dh.size());
        t.record(e < kTol, fmt("backward unweighted lane-private D=%d k=%d", dim, k), fmt("relerr %.3g", e));
    }

    // MaxK backward scatter (exact): the gradient values are fresh random numbers.
    {
        const auto gv = random_matrix(n, k, 0x5CA7 + dim * 1000 + k);
        DevBuf<float> gvd;
        gvd.upload(gv);
        DevBuf<float> dense(static_cast<size_t>(n) * dim);
        dense.poison();
        int st = mxk_maxk_backward_scatter(gvd.p, xi.p, iw, n, k, dim, dense.p, nullptr);
        CK_CUDA(cudaDeviceSynchronize());
        bool ok = st == MXK_OK;
        if (ok) {
            std::vector<float> expect(static_cast<size_t>(n) * dim, 0.f);
            for (int64_t r = 0; r < n; ++r)
                for (int s = 0; s < k; ++s)
                    expect[static_cast<size_t>(r) * dim + hi[static_cast<size_t>(r) * k + s]] =
                        gv[static_cast<size_t>(r) * k + s];
            const auto dh = dense.download();
            ok = std::memcmp(dh.data(), expect.data(), dh.size() * 4) == 0;
        }
        t.record(ok, fmt("scatter D=%d k=%d iw=%d", dim, k, iw), st ? mxk_last_error() : "");
    }

    // Forward against cuSPARSE SpMM on the densified CBSR (ALG2).
    if (k == 16 || k == dim || k == 33) {
        DevBuf<float> xs(static_cast<size_t>(n) * dim), yc(static_cast<size_t>(n) * dim);
        CK_MXK(mxk_maxk_backward_scatter(xv.p, xi.p, iw, n, k, dim, xs.p, nullptr));
        CusparseSpmm sp;
        sp.setup(c.g, c.d, xs.p, dim, yc.p, CUSPARSE_SPMM_CSR_ALG2);
        sp.run();
        y.poison();
        CK_MXK(mxk_spgemm_forward(c.part(1024), c.d.indices.p, c.d.values.p, n, xv.p, xi.p, iw, k, dim, y.p,
                                  nullptr, nullptr));
        CK_CUDA(cudaDeviceSynchronize());
        const auto ych = yc.download();
        const auto yh = y.download();
        std::vector<double> ycd(ych.begin(), ych.end());
        const double e = rel_error(yh.data(), ycd.data(), yh.size());
        t.record(e < kTol, fmt("forward vs cuSPARSE ALG2 D=%d k=%d", dim, k), fmt("relerr %.3g", e));
    }
}

void check_gnnadvisor(VerifyCtx& c, const std::vector<float>& xh, DevBuf<float>& xd, int dim, Tally& t) {
    const int n = c.g.n_rows;
    const auto yref = ref_spmm(c.g, xh, dim);
    mxk_gnnadvisor_config_t cfg;
    CK_MXK(mxk_gnnadvisor_decide(n, c.g.nnz(), dim, 1, 0, &cfg));
    struct Cfg { int ngs, wpb, dw; };
    std::vector<Cfg> cfgs = {{cfg.ngs, cfg.wpb, cfg.dw}, {5, 3, dim >= 16 ? 16 : dim}, {64, 2, 32}, {1, 8, 7}};
    DevBuf<float> y(static_cast<size_t>(n) * dim);
    for (const auto& q : cfgs) {
        y.poison();
        int st = mxk_gnnadvisor_spmm(c.part(q.ngs), c.d.indices.p, c.d.values.p, n, xd.p, dim, q.wpb, q.dw, y.p, nullptr);
        CK_CUDA(cudaDeviceSynchronize());
        const std::string label = fmt("gnnadvisor D=%d ngs=%d wpb=%d dw=%d", dim, q.ngs, q.wpb, q.dw);
        if (st != MXK_OK) {
            t.record(false, label, fmt("%s: %s", mxk_status_string(st), mxk_last_error()));
            continue;
        }
        const auto yh = y.download();
        const double e = rel_error(yh.data(), yref.data(), yh.size());
        t.record(e < kTol, label, fmt("relerr %.3g", e));
    }
    // Unweighted.
    const auto yref1 = ref_spmm(c.g, xh, dim, false);
    y.poison();
    CK_MXK(mxk_gnnadvisor_spmm(c.part(cfg.ngs), c.d.indices.p, nullptr, n, xd.p, dim, cfg.wpb, cfg.dw, y.p, nullptr));
    CK_CUDA(cudaDeviceSynchronize());
    const auto yh = y.download();
    const double e = rel_error(yh.data(), yref1.data(), yh.size());
    t.record(e < kTol, fmt("gnnadvisor unweighted D=%d", dim), fmt("relerr %.3g", e));
    // cuSPARSE itself against the CPU (sanity of the baseline used by the benchmark).
    DevBuf<float> yc(static_cast<size_t>(n) * dim);
    CusparseSpmm sp;
    sp.setup(c.g, c.d, xd.p, dim, yc.p, CUSPARSE_SPMM_CSR_ALG2);
    sp.run();
    CK_CUDA(cudaDeviceSynchronize());
    const auto ych = yc.download();
    const double e2 = rel_error(ych.data(), yref.data(), ych.size());
    t.record(e2 < kTol, fmt("cuSPARSE ALG2 vs CPU D=%d", dim), fmt("relerr %.3g", e2));
}

// Quantised inputs (many exact ties, some -0.0) and unusual widths for the selection alone.
void check_select_shapes(uint64_t seed, Tally& t) {
    struct Shape { int n, dim, k; bool quantised; };
    const std::vector<Shape> shapes = {
        {3000, 32, 5, true},   {3000, 64, 32, true},   {3000, 256, 32, true},  {3000, 256, 255, true},
        {3000, 384, 96, true}, {2000, 1000, 500, true}, {1000, 1024, 64, true}, {600, 2048, 100, true},
        {500, 1, 1, false},    {500, 7, 3, false},      {500, 7, 7, false},     {500, 100, 1, false},
        {500, 100, 37, false}, {500, 100, 100, false},  {300, 1024, 1024, false}, {300, 1024, 1, false},
        {300, 1500, 1, false}, {300, 1500, 700, false}, {200, 1500, 1500, false}, {100, 5000, 64, false},
        {60, 5000, 4096, false}, {100, 65536, 16, false}, {2000, 256, 256, false}, {5000, 256, 32, false}};
    for (const auto& s : shapes) {
        auto x = random_matrix(s.n, s.dim, stream_seed(seed, 77, s.dim * 7919 + s.k));
        if (s.quantised) {
            Rng rng(stream_seed(seed, 78, s.dim));
            for (auto& v : x) {
                v = std::round(v * 2.f) / 2.f;             // {-1, -0.5, 0, 0.5, 1}
                if (v == 0.f && (rng.next() & 1)) v = -0.f;  // signed zeros are equal values
            }
        }
        const auto order = ref_row_order(x, s.n, s.dim);
        DevBuf<float> xd;
        xd.upload(x);
        const std::string label = fmt("select%s n=%d D=%d k=%d", s.quantised ? " ties" : "", s.n, s.dim, s.k);
        if (s.dim <= 256) {
            DevBuf<float> ov;
            DevBuf<uint8_t> oi;
            check_select<uint8_t>(x, xd.p, s.n, s.dim, s.k, order, ov, oi, t, label + " iw=1");
        }
        DevBuf<float> ov;
        DevBuf<uint16_t> oi;
        check_select<uint16_t>(x, xd.p, s.n, s.dim, s.k, order, ov, oi, t, label + " iw=2");
    }
}

void expect_status(Tally& t, const std::string& what, int got, int want) {
    const std::string msg = mxk_last_error();
    const bool ok = got == want && (want == MXK_OK || !msg.empty());
    t.record(ok, "error path: " + what,
             fmt("got %s, want %s; message \"%s\"", mxk_status_string(got), mxk_status_string(want), msg.c_str()));
    if (ok && want != MXK_OK) std::printf("  ok  %-58s -> %s: %s\n", what.c_str(), mxk_status_string(got), msg.c_str());
    mxk_clear_error();
}

void check_errors(VerifyCtx& c, Tally& t) {
    const int n = c.g.n_rows;
    DevBuf<float> xv(static_cast<size_t>(n) * 256), y(static_cast<size_t>(n) * 512), x(static_cast<size_t>(n) * 512);
    DevBuf<uint16_t> xi(static_cast<size_t>(n) * 256);
    mxk_partition* p = c.part(1024);
    const int32_t* ind = c.d.indices.p;
    const float* val = c.d.values.p;
    expect_status(t, "forward k=0", mxk_spgemm_forward(p, ind, val, n, xv.p, xi.p, 2, 0, 256, y.p, nullptr, nullptr),
                  MXK_ERR_UNSUPPORTED_SHAPE);
    expect_status(t, "forward k=257", mxk_spgemm_forward(p, ind, val, n, xv.p, xi.p, 2, 257, 512, y.p, nullptr, nullptr),
                  MXK_ERR_UNSUPPORTED_SHAPE);
    expect_status(t, "forward dim=48", mxk_spgemm_forward(p, ind, val, n, xv.p, xi.p, 2, 16, 48, y.p, nullptr, nullptr),
                  MXK_ERR_UNSUPPORTED_SHAPE);
    expect_status(t, "forward k > dim", mxk_spgemm_forward(p, ind, val, n, xv.p, xi.p, 2, 64, 32, y.p, nullptr, nullptr),
                  MXK_ERR_UNSUPPORTED_SHAPE);
    expect_status(t, "forward uint8 dim=384",
                  mxk_spgemm_forward(p, ind, val, n, xv.p, xi.p, 1, 32, 384, y.p, nullptr, nullptr),
                  MXK_ERR_UNSUPPORTED_SHAPE);
    expect_status(t, "forward dim=8192", mxk_spgemm_forward(p, ind, val, n, xv.p, xi.p, 2, 32, 8192, y.p, nullptr, nullptr),
                  MXK_ERR_UNSUPPORTED_SHAPE);
    expect_status(t, "forward y=NULL", mxk_spgemm_forward(p, ind, val, n, xv.p, xi.p, 2, 32, 256, nullptr, nullptr, nullptr),
                  MXK_ERR_INVALID_ARGUMENT);
    expect_status(t, "forward index_width=3",
                  mxk_spgemm_forward(p, ind, val, n, xv.p, xi.p, 3, 32, 256, y.p, nullptr, nullptr),
                  MXK_ERR_INVALID_ARGUMENT);
    expect_status(t, "forward misaligned y",
                  mxk_spgemm_forward(p, ind, val, n, xv.p, xi.p, 2, 32, 256, y.p + 1, nullptr, nullptr),
                  MXK_ERR_INVALID_ARGUMENT);
    expect_status(t, "forward partition=NULL",
                  mxk_spgemm_forward(nullptr, ind, val, n, xv.p, xi.p, 2, 32, 256, y.p, nullptr, nullptr),
                  MXK_ERR_INVALID_ARGUMENT);
    mxk_tuning_t bad{0, 0, 12, 0};
    mxk_tuning_t bad_wpb{17, 0, 0, 0};
    expect_status(t, "forward warps_per_block=17",
                  mxk_spgemm_forward(p, ind, val, n, xv.p, xi.p, 2, 32, 256, y.p, &bad_wpb, nullptr),
                  MXK_ERR_INVALID_ARGUMENT);
    expect_status(t, "forward group_lanes=12", mxk_spgemm_forward(p, ind, val, n, xv.p, xi.p, 2, 32, 256, y.p, &bad, nullptr),
                  MXK_ERR_INVALID_ARGUMENT);
    expect_status(t, "backward k=300", mxk_sspmm_backward(p, ind, val, n, y.p, xi.p, 2, 300, 512, xv.p, nullptr, nullptr),
                  MXK_ERR_UNSUPPORTED_SHAPE);
    expect_status(t, "backward dim=100", mxk_sspmm_backward(p, ind, val, n, y.p, xi.p, 2, 16, 100, xv.p, nullptr, nullptr),
                  MXK_ERR_UNSUPPORTED_SHAPE);
    expect_status(t, "select k > dim", mxk_maxk_select(x.p, n, 64, 65, xv.p, xi.p, 2, nullptr), MXK_ERR_UNSUPPORTED_SHAPE);
    expect_status(t, "select k=0", mxk_maxk_select(x.p, n, 64, 0, xv.p, xi.p, 2, nullptr), MXK_ERR_UNSUPPORTED_SHAPE);
    expect_status(t, "select uint8 dim=300", mxk_maxk_select(x.p, 10, 300, 8, xv.p, xi.p, 1, nullptr),
                  MXK_ERR_UNSUPPORTED_SHAPE);
    expect_status(t, "select dim=70000", mxk_maxk_select(x.p, 1, 70000, 8, xv.p, xi.p, 2, nullptr),
                  MXK_ERR_UNSUPPORTED_SHAPE);
    expect_status(t, "select dim=8192 k=5000", mxk_maxk_select(x.p, 1, 8192, 5000, xv.p, xi.p, 2, nullptr),
                  MXK_ERR_UNSUPPORTED_SHAPE);
    expect_status(t, "scatter k > dim", mxk_maxk_backward_scatter(xv.p, xi.p, 2, n, 40, 32, y.p, nullptr),
                  MXK_ERR_UNSUPPORTED_SHAPE);
    expect_status(t, "gnnadvisor wpb=0", mxk_gnnadvisor_spmm(p, ind, val, n, x.p, 256, 0, 32, y.p, nullptr),
                  MXK_ERR_INVALID_ARGUMENT);
    {
        // ngs = 65536 with 8 warps and dim 256 needs ~4.2 MB of shared memory.
        std::vector<int32_t> ip = {0, 0};
        DevBuf<int32_t> ipd;
        ipd.upload(ip);
        mxk_partition* big = nullptr;
        CK_MXK(mxk_partition_create(ipd.p, 1, 0, 65536, nullptr, &big));
        expect_status(t, "gnnadvisor shared memory too large",
                      mxk_gnnadvisor_spmm(big, ind, val, n, x.p, 256, 8, 32, y.p, nullptr), MXK_ERR_UNSUPPORTED_SHAPE);
        mxk_partition_destroy(big);
        std::vector<int32_t> ip2 = {0, 5, 3};
        ipd.upload(ip2);
        mxk_partition* q = nullptr;
        expect_status(t, "partition decreasing indptr", mxk_partition_create(ipd.p, 2, 3, 64, nullptr, &q),
                      MXK_ERR_INVALID_ARGUMENT);
        expect_status(t, "partition indptr[n] != nnz", mxk_partition_create(ipd.p, 2, 4, 64, nullptr, &q),
                      MXK_ERR_INVALID_ARGUMENT);
        expect_status(t, "partition chunk=0", mxk_partition_create(ipd.p, 2, 3, 0, nullptr, &q), MXK_ERR_INVALID_ARGUMENT);
    }
    {
        expect_status(t, "csr_validate good graph",
                      mxk_csr_validate(c.d.indptr.p, ind, val, n, n, c.g.nnz(), 1, nullptr), MXK_OK);
        expect_status(t, "csr_validate n_cols too small",
                      mxk_csr_validate(c.d.indptr.p, ind, val, n, n / 2, c.g.nnz(), 1, nullptr), MXK_ERR_INVALID_ARGUMENT);
    }
    int ma = -1, mi = -1, pa = -1;
    expect_status(t, "version", mxk_version(&ma, &mi, &pa), MXK_OK);
    std::printf("  library version %d.%d.%d\n", ma, mi, pa);
}

}  // namespace

int run_verify(uint64_t seed) {
    print_device_header();
    Tally t;
    VerifyCtx c;
    // 12,000 nodes, degrees uniform in [0, 24], ~5% extra empty rows, last row empty, hub row 777 with
    // 10,500 edges: with chunk 1024/64/7 the record counts are not multiples of any block size.
    c.g = make_test_graph(12000, 24, 0.05, 777, 10500, seed);
    c.d.upload(c.g);
    std::printf("verify graph: %d nodes, %d edges, hub row 777 degree %d, seed %llu\n", c.g.n_rows, c.g.nnz(),
                c.g.indptr[778] - c.g.indptr[777], (unsigned long long)seed);
    for (int chunk : {1024, 64, 7}) check_partition(c.g, c.part(chunk), chunk, t);

    const std::vector<int> ks = {1, 2, 3, 8, 16, 31, 32, 33, 64, 96, 128, 256};
    for (int dim : {32, 64, 256, 384}) {
        const int before = t.fail;
        const auto xh = random_matrix(c.g.n_rows, dim, stream_seed(seed, 11, dim));
        const auto gh = random_matrix(c.g.n_rows, dim, stream_seed(seed, 12, dim));
        DevBuf<float> xd, gd;
        xd.upload(xh);
        gd.upload(gh);
        const auto order = ref_row_order(xh, c.g.n_rows, dim);
        for (int k : ks) {
            if (k > dim) continue;
            if (dim <= 256) {
                check_products<uint8_t>(c, xh, xd, gh, gd, dim, k, order, t);
                if (k == 8 || k == 32 || k == 33) check_products<uint16_t>(c, xh, xd, gh, gd, dim, k, order, t);
            } else {
                check_products<uint16_t>(c, xh, xd, gh, gd, dim, k, order, t);
            }
        }
        check_gnnadvisor(c, xh, xd, dim, t);
        std::printf("D=%d done: %d failures so far (%d new)\n", dim, t.fail, t.fail - before);
        std::fflush(stdout);
    }
    check_select_shapes(seed, t);
    check_errors(c, t);
    std::printf("\nverify summary: %d passed, %d failed\n", t.pass, t.fail);
    for (const auto& f : t.failures) std::printf("  failed: %s\n", f.c_str());
    return t.fail == 0 ? 0 : 1;
}

}  // namespace check
