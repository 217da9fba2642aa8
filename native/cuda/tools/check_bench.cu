// check_bench.cu: `maxk_native_check bench`: CUDA-event timings (warm-up, >= 20 runs, median/min/max, L2
// flushed before every timed run) of the MaxK kernels, cuSPARSE SpMM (ALG2 / ALG3 at D, ALG3 at width k)
// and the GNNAdvisor-style baseline, each verified on sampled rows against a double-precision CPU reference.
#include <chrono>
#include <cstring>
#include <memory>
#include <string>

#include "check_common.h"
#include "check_reference.h"

namespace check {
namespace {

constexpr double kTol = 1e-5;

struct Result {
    std::string kernel, variant;
    int k = 0;
    Timing t;
    bool verified = false;
    double bytes = 0;  // compulsory bytes (each input read once, each output written once)
    bool diagnostic = false;  // deliberately wrong results (timing of a part); not verified, not a failure
    bool released = false;    // timed with time_host_mean4: the figure is the mean of 4 host-clock runs
    double figure() const { return released ? t.mean() : t.median(); }
};

struct Bench {
    const BenchOptions& opt;
    std::string graph_name;
    HostCsr g;
    DevCsr d;
    int n = 0, D = 0, iw = 1;
    std::vector<float> xh, gh;
    DevBuf<float> x, gd;
    DevBuf<uint8_t> flush;
    TimerConfig tc;
    std::vector<int> sample_rows;
    std::vector<uint8_t> col_mark;  // sampled columns for the backward check
    std::vector<Result> results;
    double csr_bytes = 0;

    explicit Bench(const BenchOptions& o) : opt(o) {}

    void add(Result r) {
        const double ms = r.figure();
        std::printf("  %-30s k=%-4d %-26s %s %9.4f ms  (min %.4f, max %.4f)  %s\n", r.kernel.c_str(), r.k,
                    r.variant.c_str(), r.released ? "mean4 " : "median", ms, r.t.min(), r.t.max(),
                    r.diagnostic ? "diagnostic" : (r.verified ? "verified" : "NOT VERIFIED"));
        std::fflush(stdout);
        results.push_back(std::move(r));
    }

    // The same call under the released code's protocol (host clock, 4 + 4, mean, no flush), when asked for.
    void add_released(const Result& like, const std::function<void()>& fn) {
        if (!opt.released) return;
        Result r{like.kernel, like.variant + "@released", like.k};
        r.t = time_host_mean4(fn);
        r.verified = like.verified;
        r.bytes = like.bytes;
        r.released = true;
        add(r);
    }

    // ---- sampled references ------------------------------------------------------------------------------
    double check_spmm_rows(const std::vector<float>& y) const {
        double num = 0, den = 0;
        std::vector<double> acc(D);
        for (int r : sample_rows) {
            std::fill(acc.begin(), acc.end(), 0.0);
            for (int32_t e = g.indptr[r]; e < g.indptr[r + 1]; ++e) {
                const float* xr = &xh[static_cast<size_t>(g.indices[e]) * D];
                for (int dd = 0; dd < D; ++dd) acc[dd] += static_cast<double>(g.values[e]) * xr[dd];
            }
            for (int dd = 0; dd < D; ++dd) {
                const float o = y[static_cast<size_t>(r) * D + dd];
                if (!std::isfinite(o)) return INFINITY;
                num += (o - acc[dd]) * (o - acc[dd]);
                den += acc[dd] * acc[dd];
            }
        }
        return std::sqrt(num / den);
    }

    template <typename IdxT>
    double check_forward_rows(const std::vector<float>& y, const std::vector<float>& hv, const std::vector<IdxT>& hi,
                              int k) const {
        double num = 0, den = 0;
        std::vector<double> acc(D);
        for (int r : sample_rows) {
            std::fill(acc.begin(), acc.end(), 0.0);
            for (int32_t e = g.indptr[r]; e < g.indptr[r + 1]; ++e) {
                const size_t o = static_cast<size_t>(g.indices[e]) * k;
                for (int s = 0; s < k; ++s) acc[hi[o + s]] += static_cast<double>(g.values[e]) * hv[o + s];
            }
            for (int dd = 0; dd < D; ++dd) {
                const float o = y[static_cast<size_t>(r) * D + dd];
                if (!std::isfinite(o)) return INFINITY;
                num += (o - acc[dd]) * (o - acc[dd]);
                den += acc[dd] * acc[dd];
            }
        }
        return std::sqrt(num / den);
    }

    template <typename IdxT>
    double check_backward_cols(const std::vector<float>& dx, const std::vector<IdxT>& hi, int k) const {
        std::vector<int> slot(n, -1);
        int ns = 0;
        for (int c = 0; c < n; ++c)
            if (col_mark[c]) slot[c] = ns++;
        std::vector<double> ref(static_cast<size_t>(ns) * k, 0.0);
        for (int r = 0; r < n; ++r) {
            const float* gr = &gh[static_cast<size_t>(r) * D];
            for (int32_t e = g.indptr[r]; e < g.indptr[r + 1]; ++e) {
                const int c = g.indices[e];
                if (slot[c] < 0) continue;
                const size_t o = static_cast<size_t>(c) * k;
                double* rr = &ref[static_cast<size_t>(slot[c]) * k];
                for (int s = 0; s < k; ++s) rr[s] += static_cast<double>(g.values[e]) * gr[hi[o + s]];
            }
        }
        double num = 0, den = 0;
        for (int c = 0; c < n; ++c) {
            if (slot[c] < 0) continue;
            for (int s = 0; s < k; ++s) {
                const float o = dx[static_cast<size_t>(c) * k + s];
                const double rf = ref[static_cast<size_t>(slot[c]) * k + s];
                if (!std::isfinite(o)) return INFINITY;
                num += (o - rf) * (o - rf);
                den += rf * rf;
            }
        }
        return std::sqrt(num / den);
    }

    template <typename IdxT>
    bool check_select_rows(const std::vector<float>& hv, const std::vector<IdxT>& hi, int k) const {
        std::vector<int> ord(D);
        for (int r : sample_rows) {
            const float* xr = &xh[static_cast<size_t>(r) * D];
            for (int i = 0; i < D; ++i) ord[i] = i;
            std::sort(ord.begin(), ord.end(), [&](int a, int b) { return xr[a] != xr[b] ? xr[a] > xr[b] : a < b; });
            for (int s = 0; s < k; ++s) {
                const size_t o = static_cast<size_t>(r) * k + s;
                if (static_cast<int>(hi[o]) != ord[s] || hv[o] != xr[ord[s]]) return false;
            }
        }
        return true;
    }

    // ---- benchmark steps -----------------------------------------------------------------------------------
    void setup() {
        print_device_header();
        int deg = 492;
        n = 232965;
        const bool from_files = opt.graph.rfind("csr:", 0) == 0;
        if (opt.graph.rfind("uniform:", 0) == 0) {
            std::sscanf(opt.graph.c_str(), "uniform:%d:%d", &n, &deg);
        } else if (!from_files && opt.graph != "reddit-uniform") {
            std::fprintf(stderr, "unknown graph '%s' (use reddit-uniform, uniform:N:DEG or csr:PATH)\n", opt.graph.c_str());
            std::exit(2);
        }
        graph_name = opt.graph;
        D = opt.dim;
        iw = D <= 256 ? 1 : 2;
        auto t0 = std::chrono::steady_clock::now();
        if (from_files) {
            g = load_csr_files(opt.graph.substr(4), opt.seed);
            n = g.n_rows;
            const size_t slash = opt.graph.find_last_of('/');
            graph_name = slash == std::string::npos ? opt.graph.substr(4) : opt.graph.substr(slash + 1);
        } else {
            g = make_uniform_graph(n, deg, opt.seed);
        }
        xh = random_matrix(n, D, stream_seed(opt.seed, 21));
        gh = random_matrix(n, D, stream_seed(opt.seed, 22));
        auto t1 = std::chrono::steady_clock::now();
        d.upload(g);
        x.upload(xh);
        gd.upload(gh);
        flush.alloc(256u << 20);
        tc.warmup = opt.warmup;
        tc.runs = opt.runs;
        tc.flush_l2 = opt.flush;
        tc.flush_buf = &flush;
        Rng rng(stream_seed(opt.seed, 23));
        col_mark.assign(n, 0);
        for (int i = 0; i < 2000; ++i) {
            sample_rows.push_back(static_cast<int>(rng.below(n)));
            col_mark[rng.below(n)] = 1;
        }
        csr_bytes = 4.0 * (n + 1) + 8.0 * g.nnz();
        std::printf("graph %s: %d nodes, %d edges (generated in %.2f s), dim %d, index width %d, runs %d, warm-up %d, "
                    "L2 flush %s\n", graph_name.c_str(), n, g.nnz(),
                    std::chrono::duration<double>(t1 - t0).count(), D, iw, opt.runs, opt.warmup, opt.flush ? "on" : "off");
    }

    void bench_cusparse() {
        DevBuf<float> y(static_cast<size_t>(n) * D);
        const double dense_bytes = csr_bytes + 8.0 * n * D;
        {
            CusparseSpmm sp;
            sp.setup(g, d, x.p, D, y.p, CUSPARSE_SPMM_CSR_ALG2);
            Result r{"cusparse_spmm_alg2", "width=D", 0};
            r.t = time_gpu(tc, [&] { sp.run(); });
            y.poison();
            sp.run();
            CK_CUDA(cudaDeviceSynchronize());
            const double e = check_spmm_rows(y.download());
            r.verified = e < kTol;
            r.bytes = dense_bytes;
            std::printf("  (ALG2 buffer %.1f MB, sampled relerr %.3g)\n", sp.buffer_bytes / 1e6, e);
            add(r);
            add_released(r, [&] { sp.run(); });
        }
        if (opt.quick) return;
        {
            CusparseSpmm sp;
            sp.setup(g, d, x.p, D, y.p, CUSPARSE_SPMM_CSR_ALG3);
            TimerConfig once = tc;
            once.warmup = 0;
            once.runs = 1;
            Result p0{"cusparse_alg3_preprocess", "first_call", 0};
            p0.t = time_gpu(once, [&] { sp.preprocess(); });
            p0.verified = true;
            add(p0);
            TimerConfig few = tc;
            few.warmup = 1;
            few.runs = 5;
            Result p1{"cusparse_alg3_preprocess", "repeat_calls", 0};
            p1.t = time_gpu(few, [&] { sp.preprocess(); });
            p1.verified = true;
            add(p1);
            Result r{"cusparse_spmm_alg3", "width=D", 0};
            r.t = time_gpu(tc, [&] { sp.run(); });
            y.poison();
            sp.run();
            CK_CUDA(cudaDeviceSynchronize());
            const double e = check_spmm_rows(y.download());
            r.verified = e < kTol;
            r.bytes = dense_bytes;
            std::printf("  (ALG3 buffer %.2f MB, sampled relerr %.3g)\n", sp.buffer_bytes / 1e6, e);
            add(r);
        }
        for (int k : opt.ks) {
            // The "same-width" comparison a sceptic makes: dense SpMM at width k (not the same computation).
            DevBuf<float> xk, yk(static_cast<size_t>(n) * k);
            xk.upload(random_matrix(n, k, stream_seed(opt.seed, 24, k)));
            CusparseSpmm sp;
            sp.setup(g, d, xk.p, k, yk.p, CUSPARSE_SPMM_CSR_ALG3);
            sp.preprocess();
            Result r{"cusparse_spmm_alg3_width_k", "width=k", k};
            r.t = time_gpu(tc, [&] { sp.run(); });
            r.verified = true;  // same library call as the verified width-D run
            r.bytes = csr_bytes + 8.0 * n * k;
            add(r);
        }
    }

    void bench_gnnadvisor() {
        DevBuf<float> y(static_cast<size_t>(n) * D);
        mxk_gnnadvisor_config_t dec;
        CK_MXK(mxk_gnnadvisor_decide(n, g.nnz(), D, 1, 0, &dec));
        struct Cfg { int ngs, wpb, dw; std::string name; };
        const int ngs_maxk = std::max(1, static_cast<int>(static_cast<int64_t>(g.nnz()) / n));
        const std::vector<Cfg> cfgs = {{dec.ngs, dec.wpb, dec.dw, "decider(hidden)"}, {ngs_maxk, 12, 32, "maxk-gnn-config"}};
        for (const auto& c : cfgs) {
            mxk_partition* p = nullptr;
            CK_MXK(mxk_partition_create(d.indptr.p, n, g.nnz(), c.ngs, nullptr, &p));
            char var[96];
            std::snprintf(var, sizeof(var), "%s,ngs=%d,wpb=%d,dw=%d", c.name.c_str(), c.ngs, c.wpb, c.dw);
            Result r{"gnnadvisor_spmm", var, 0};
            r.t = time_gpu(tc, [&] { CK_MXK(mxk_gnnadvisor_spmm(p, d.indices.p, d.values.p, n, x.p, D, c.wpb, c.dw, y.p, nullptr)); });
            y.poison();
            CK_MXK(mxk_gnnadvisor_spmm(p, d.indices.p, d.values.p, n, x.p, D, c.wpb, c.dw, y.p, nullptr));
            CK_CUDA(cudaDeviceSynchronize());
            r.verified = check_spmm_rows(y.download()) < kTol;
            r.bytes = csr_bytes + 8.0 * n * D;
            add(r);
            mxk_partition_destroy(p);
        }
    }

    template <typename IdxT>
    void bench_k(int k, std::vector<std::pair<int, mxk_partition*>>& parts) {
        mxk_partition* def = nullptr;
        for (auto& pr : parts)
            if (pr.first == MXK_DEFAULT_CHUNK) def = pr.second;
        const size_t nk = static_cast<size_t>(n) * k;
        DevBuf<float> xv(nk), dx(nk), y(static_cast<size_t>(n) * D), dense(static_cast<size_t>(n) * D);
        DevBuf<IdxT> xi(nk);
        const double cbsr_bytes = static_cast<double>(nk) * (4 + sizeof(IdxT));

        Result rs{"maxk_select", "-", k};
        rs.t = time_gpu(tc, [&] { CK_MXK(mxk_maxk_select(x.p, n, D, k, xv.p, xi.p, iw, nullptr)); });
        xv.poison();
        xi.poison();
        CK_MXK(mxk_maxk_select(x.p, n, D, k, xv.p, xi.p, iw, nullptr));
        CK_CUDA(cudaDeviceSynchronize());
        const auto hv = xv.download();
        const auto hi = xi.download();
        rs.verified = check_select_rows(hv, hi, k);
        rs.bytes = 4.0 * n * D + cbsr_bytes;
        add(rs);

        auto run_fwd = [&](mxk_partition* p, const mxk_tuning_t* tun) {
            CK_MXK(mxk_spgemm_forward(p, d.indices.p, d.values.p, n, xv.p, xi.p, iw, k, D, y.p, tun, nullptr));
        };
        auto run_bwd = [&](mxk_partition* p, const mxk_tuning_t* tun) {
            CK_MXK(mxk_sspmm_backward(p, d.indices.p, d.values.p, n, gd.p, xi.p, iw, k, D, dx.p, tun, nullptr));
        };
        auto verify_fwd = [&](mxk_partition* p, const mxk_tuning_t* tun) {
            y.poison();
            run_fwd(p, tun);
            CK_CUDA(cudaDeviceSynchronize());
            return check_forward_rows(y.download(), hv, hi, k) < kTol;
        };
        auto verify_bwd = [&](mxk_partition* p, const mxk_tuning_t* tun) {
            dx.poison();
            run_bwd(p, tun);
            CK_CUDA(cudaDeviceSynchronize());
            return check_backward_cols(dx.download(), hi, k) < kTol;
        };

        Result rf{"maxk_forward", "default", k};
        rf.t = time_gpu(tc, [&] { run_fwd(def, nullptr); });
        rf.verified = verify_fwd(def, nullptr);
        rf.bytes = csr_bytes + cbsr_bytes + 4.0 * n * D;
        add(rf);
        add_released(rf, [&] { run_fwd(def, nullptr); });

        Result rb{"maxk_backward", "default", k};
        rb.t = time_gpu(tc, [&] { run_bwd(def, nullptr); });
        rb.verified = verify_bwd(def, nullptr);
        rb.bytes = csr_bytes + 4.0 * n * D + static_cast<double>(nk) * (4 + sizeof(IdxT));
        add(rb);
        add_released(rb, [&] { run_bwd(def, nullptr); });

        Result rsc{"maxk_backward_scatter", "-", k};
        rsc.t = time_gpu(tc, [&] { CK_MXK(mxk_maxk_backward_scatter(xv.p, xi.p, iw, n, k, D, dense.p, nullptr)); });
        {
            dense.poison();
            CK_MXK(mxk_maxk_backward_scatter(xv.p, xi.p, iw, n, k, D, dense.p, nullptr));
            CK_CUDA(cudaDeviceSynchronize());
            const auto dh = dense.download();
            bool ok = true;
            for (int r : sample_rows) {
                std::vector<float> e(D, 0.f);
                for (int s = 0; s < k; ++s) e[hi[static_cast<size_t>(r) * k + s]] = hv[static_cast<size_t>(r) * k + s];
                ok = ok && std::memcmp(e.data(), &dh[static_cast<size_t>(r) * D], 4u * D) == 0;
            }
            rsc.verified = ok;
        }
        rsc.bytes = cbsr_bytes + 4.0 * n * D;
        add(rsc);

        if (!opt.sweep) return;
        auto part_of = [&](int w) -> mxk_partition* {
            for (auto& pr : parts)
                if (pr.first == w) return pr.second;
            return def;
        };
        struct Var { std::string name; int chunk; mxk_tuning_t tun; };
        const int RG = MXK_TUNE_ROW_GROUPS;
        // Row-group kernels (forced) against the warp-per-record kernels (forbidden), and the row-group knobs:
        // warps per block, lanes per group doubled (half the groups), a shorter record cap.
        const std::vector<Var> fvars = {
            {"no-rows", MXK_DEFAULT_CHUNK, {0, 0, 0, MXK_TUNE_NO_ROW_GROUPS}},
            {"rows", MXK_DEFAULT_CHUNK, {0, 0, 0, RG}},
            {"rows,wpb=4", MXK_DEFAULT_CHUNK, {4, 0, 0, RG}},
            {"rows,gl*2", MXK_DEFAULT_CHUNK, {0, 0, -1, RG}},
            {"rows,chunk=32", 32, {0, 0, 0, RG}},
            {"rows,chunk=64", 64, {0, 0, 0, RG}},
        };
        auto tune = [&](mxk_tuning_t t) {
            if (t.group_lanes == -1) {  // twice the default lanes per group of this k
                int gl = 1;
                while (gl < k / 4 && gl < 32) gl <<= 1;
                if (32 / gl * D * 4 > 8192) gl = 32 * D * 4 / 8192;
                t.group_lanes = std::min(32, gl * 2);
            }
            return t;
        };
        for (const auto& v : fvars) {
            const mxk_tuning_t t = tune(v.tun);
            Result r{"maxk_forward_sweep", v.name, k};
            r.t = time_gpu(tc, [&] { run_fwd(part_of(v.chunk), &t); });
            r.verified = verify_fwd(part_of(v.chunk), &t);
            r.bytes = rf.bytes;
            add(r);
            add_released(r, [&] { run_fwd(part_of(v.chunk), &t); });
        }
        for (const auto& v : fvars) {
            const mxk_tuning_t t = tune(v.tun);
            Result r{"maxk_backward_sweep", v.name, k};
            r.t = time_gpu(tc, [&] { run_bwd(part_of(v.chunk), &t); });
            r.verified = verify_bwd(part_of(v.chunk), &t);
            r.bytes = rb.bytes;
            add(r);
            add_released(r, [&] { run_bwd(part_of(v.chunk), &t); });
        }
    }

    void report() {
        double alg2 = 0, alg2_rel = 0;  // the speed-up reference of each protocol
        for (const auto& r : results) {
            if (r.kernel == "cusparse_spmm_alg2" && !r.released) alg2 = r.figure();
            if (r.kernel == "cusparse_spmm_alg2" && r.released) alg2_rel = r.figure();
        }
        std::printf("\n%-30s %-5s %-30s %10s %10s %10s %9s %9s %s\n", "kernel", "k", "variant", "figure_ms", "min_ms",
                    "max_ms", "GB/s", "vs_ALG2", "verified");
        for (const auto& r : results) {
            const double ms = r.figure();
            const double ref = r.released ? alg2_rel : alg2;
            std::printf("%-30s %-5d %-30s %10.4f %10.4f %10.4f %9.1f %9.2f %s\n", r.kernel.c_str(), r.k,
                        r.variant.c_str(), ms, r.t.min(), r.t.max(), r.bytes / (ms * 1e6), ref / ms,
                        r.diagnostic ? "diag" : (r.verified ? "yes" : "NO"));
        }
        if (opt.json_path.empty()) return;
        FILE* f = std::fopen(opt.json_path.c_str(), "w");
        if (!f) {
            std::fprintf(stderr, "cannot write %s\n", opt.json_path.c_str());
            return;
        }
        for (const auto& r : results) {
            const double ms = r.figure();
            const double ref = r.released ? alg2_rel : alg2;
            std::fprintf(f,
                         "{\"kernel\":\"%s\",\"variant\":\"%s\",\"graph\":\"%s\",\"nodes\":%d,\"edges\":%d,\"dim\":%d,"
                         "\"k\":%d,\"timing_protocol\":\"%s\",\"figure_ms\":%.5f,\"median_ms\":%.5f,\"mean_ms\":%.5f,"
                         "\"min_ms\":%.5f,\"max_ms\":%.5f,\"runs\":%zu,\"verified\":%s,"
                         "\"gb_per_s\":%.2f,\"speedup_vs_cusparse_alg2\":%.3f,\"l2_flush\":%s,\"diagnostic\":%s}\n",
                         r.kernel.c_str(), r.variant.c_str(), graph_name.c_str(), n, g.nnz(), D, r.k,
                         r.released ? "released-host-mean4" : (opt.flush ? "cuda-events-l2-flushed" : "cuda-events"),
                         ms, r.t.median(), r.t.mean(), r.t.min(), r.t.max(), r.t.ms.size(), r.verified ? "true" : "false",
                         r.bytes / (ms * 1e6), ref > 0 ? ref / ms : 0.0, (opt.flush && !r.released) ? "true" : "false",
                         r.diagnostic ? "true" : "false");
        }
        std::fclose(f);
        std::printf("wrote %zu JSON lines to %s\n", results.size(), opt.json_path.c_str());
    }
};

}  // namespace

int run_bench(const BenchOptions& opt) {
    Bench b(opt);
    b.setup();
    std::vector<std::pair<int, mxk_partition*>> parts;
    for (int w : opt.sweep ? std::vector<int>{32, 64, MXK_DEFAULT_CHUNK} : std::vector<int>{MXK_DEFAULT_CHUNK}) {
        mxk_partition* p = nullptr;
        CK_MXK(mxk_partition_create(b.d.indptr.p, b.n, b.g.nnz(), w, nullptr, &p));
        parts.push_back({w, p});
    }
    for (int k : opt.ks) {
        if (k < 1 || k > 256 || k > opt.dim) {
            std::fprintf(stderr, "skipping k=%d (needs 1 <= k <= min(256, dim))\n", k);
            continue;
        }
        if (b.iw == 1) b.bench_k<uint8_t>(k, parts);
        else b.bench_k<uint16_t>(k, parts);
    }
    b.bench_cusparse();
    if (!opt.quick) b.bench_gnnadvisor();
    b.report();
    for (auto& pr : parts) mxk_partition_destroy(pr.second);
    int bad = 0;
    for (const auto& r : b.results) bad += (r.verified || r.diagnostic) ? 0 : 1;
    return bad == 0 ? 0 : 1;
}

}  // namespace check
