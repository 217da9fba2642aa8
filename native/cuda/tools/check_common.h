// check_common.h: shared pieces of maxk_native_check: RNG, graph generators, device buffers, cuSPARSE
// SpMM wrapper, CUDA-event timing, relative error, JSON lines.
#ifndef MXK_CHECK_COMMON_H_
#define MXK_CHECK_COMMON_H_

#include <cuda_runtime.h>
#include <cusparse.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "maxk_native.h"

namespace check {

// ---- fatal checks for the tool's own CUDA / cuSPARSE calls ------------------------------------------------
#define CK_CUDA(call)                                                                                   \
    do {                                                                                                \
        cudaError_t e_ = (call);                                                                        \
        if (e_ != cudaSuccess) {                                                                        \
            std::fprintf(stderr, "FATAL %s:%d: %s -> %s\n", __FILE__, __LINE__, #call, cudaGetErrorString(e_)); \
            std::exit(3);                                                                               \
        }                                                                                               \
    } while (0)

#define CK_SPARSE(call)                                                                                 \
    do {                                                                                                \
        cusparseStatus_t s_ = (call);                                                                   \
        if (s_ != CUSPARSE_STATUS_SUCCESS) {                                                            \
            std::fprintf(stderr, "FATAL %s:%d: %s -> cusparse status %d\n", __FILE__, __LINE__, #call, (int)s_); \
            std::exit(3);                                                                               \
        }                                                                                               \
    } while (0)

// A library call that must succeed (bench mode, setup steps).
#define CK_MXK(call)                                                                                    \
    do {                                                                                                \
        int st_ = (call);                                                                               \
        if (st_ != MXK_OK) {                                                                            \
            std::fprintf(stderr, "FATAL %s:%d: %s -> %s: %s\n", __FILE__, __LINE__, #call,             \
                         mxk_status_string(st_), mxk_last_error());                                     \
            std::exit(3);                                                                               \
        }                                                                                               \
    } while (0)

// ---- RNG (splitmix64; per-row streams so results do not depend on the thread count) ---------------------
struct Rng {
    uint64_t s;
    explicit Rng(uint64_t seed) : s(seed) {}
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform01() { return (static_cast<double>(next() >> 11) + 0.5) * (1.0 / 9007199254740992.0); }  // (0,1)
    float uniform_pm1() { return static_cast<float>(2.0 * uniform01() - 1.0); }                           // (-1,1)
    uint32_t below(uint32_t n) { return static_cast<uint32_t>(((next() >> 32) * n) >> 32); }
};

inline uint64_t stream_seed(uint64_t seed, uint64_t stream, uint64_t sub = 0) {
    Rng r(seed ^ (stream * 0xD1B54A32D192ED03ull) ^ (sub * 0x8CB92BA72F3D8DD7ull));
    r.next();
    return r.next();
}

template <typename F>
void parallel_for(int64_t n, F f) {
    unsigned t = std::max(1u, std::min(32u, std::thread::hardware_concurrency()));
    if (n < 4096) t = 1;
    std::vector<std::thread> pool;
    int64_t chunk = (n + t - 1) / t;
    for (unsigned i = 0; i < t; ++i) {
        int64_t a = i * chunk, b = std::min<int64_t>(n, a + chunk);
        if (a >= b) break;
        pool.emplace_back([=] { for (int64_t j = a; j < b; ++j) f(j); });
    }
    for (auto& th : pool) th.join();
}

// ---- host CSR and generators ------------------------------------------------------------------------------
struct HostCsr {
    int n_rows = 0, n_cols = 0;
    std::vector<int32_t> indptr, indices;
    std::vector<float> values;  // uniform(0,1)
    int32_t nnz() const { return indptr.empty() ? 0 : indptr.back(); }
};

// Fills rows given their degrees: distinct uniformly random columns per row (sorted), weights in (0,1).
inline void fill_rows(HostCsr& g, uint64_t seed) {
    g.indices.assign(g.nnz(), 0);
    g.values.assign(g.nnz(), 0.f);
    const int n_threads = 32;
    std::vector<std::vector<uint8_t>> marks(n_threads);
    // Rows are split into n_threads contiguous ranges, each with its own mark bitmap.
    std::vector<std::thread> pool;
    const int64_t chunk = (g.n_rows + n_threads - 1) / n_threads;
    for (int t = 0; t < n_threads; ++t) {
        pool.emplace_back([&, t] {
            std::vector<uint8_t>& mark = marks[t];
            mark.assign(g.n_cols, 0);
            const int64_t a = t * chunk, b = std::min<int64_t>(g.n_rows, a + chunk);
            for (int64_t r = a; r < b; ++r) {
                Rng rng(stream_seed(seed, static_cast<uint64_t>(r), 1));
                const int32_t s = g.indptr[r], e = g.indptr[r + 1];
                for (int32_t i = s; i < e; ++i) {
                    uint32_t c;
                    do c = rng.below(static_cast<uint32_t>(g.n_cols)); while (mark[c]);
                    mark[c] = 1;
                    g.indices[i] = static_cast<int32_t>(c);
                }
                for (int32_t i = s; i < e; ++i) mark[g.indices[i]] = 0;
                std::sort(g.indices.begin() + s, g.indices.begin() + e);
                for (int32_t i = s; i < e; ++i) g.values[i] = static_cast<float>(rng.uniform01());
            }
        });
    }
    for (auto& th : pool) th.join();
}

// Random test graph: degree uniform in [0, max_deg], plus `zero_frac` of rows forced empty, one hub row,
// and the last row empty (exercises the part_ptr sentinel).
inline HostCsr make_test_graph(int n, int max_deg, double zero_frac, int hub_row, int hub_deg, uint64_t seed) {
    HostCsr g;
    g.n_rows = g.n_cols = n;
    g.indptr.assign(n + 1, 0);
    Rng rng(stream_seed(seed, 0xABCDEF));
    for (int r = 0; r < n; ++r) {
        int d = static_cast<int>(rng.below(static_cast<uint32_t>(max_deg + 1)));
        if (rng.uniform01() < zero_frac) d = 0;
        if (r == hub_row) d = hub_deg;
        if (r == n - 1) d = 0;
        g.indptr[r + 1] = g.indptr[r] + d;
    }
    fill_rows(g, seed);
    return g;
}

// Uniform random graph: every row has exactly `deg` distinct random columns (Reddit-sized benchmark graph).
inline HostCsr make_uniform_graph(int n, int deg, uint64_t seed) {
    HostCsr g;
    g.n_rows = g.n_cols = n;
    g.indptr.resize(n + 1);
    for (int r = 0; r <= n; ++r) g.indptr[r] = r * deg;
    fill_rows(g, seed);
    return g;
}

// Raw little-endian CSR files PATH.indptr (int32[n + 1]) and PATH.indices (int32[nnz]), as written by
// `maxk graph write` / `maxk graph import` (and read by the released MaxK-GNN kernels); PATH.values (float32[nnz])
// if present, otherwise weights uniform in (0, 1) from `seed`. Square: n_cols = n_rows. Exits with 2 on a bad file.
inline HostCsr load_csr_files(const std::string& path, uint64_t seed) {
    auto read_all = [](const std::string& f, bool required, std::vector<char>& out) {
        FILE* fp = std::fopen(f.c_str(), "rb");
        if (!fp) {
            if (!required) return false;
            std::fprintf(stderr, "cannot open %s\n", f.c_str());
            std::exit(2);
        }
        std::fseek(fp, 0, SEEK_END);
        const long size = std::ftell(fp);
        std::fseek(fp, 0, SEEK_SET);
        out.resize(static_cast<size_t>(size));
        if (size > 0 && std::fread(out.data(), 1, out.size(), fp) != out.size()) {
            std::fprintf(stderr, "short read of %s\n", f.c_str());
            std::exit(2);
        }
        std::fclose(fp);
        return true;
    };
    std::vector<char> a, b, v;
    read_all(path + ".indptr", true, a);
    read_all(path + ".indices", true, b);
    HostCsr g;
    if (a.size() < 8 || a.size() % 4 || b.size() % 4) {
        std::fprintf(stderr, "%s: CSR file sizes are not whole int32 arrays\n", path.c_str());
        std::exit(2);
    }
    g.indptr.resize(a.size() / 4);
    std::memcpy(g.indptr.data(), a.data(), a.size());
    g.indices.resize(b.size() / 4);
    std::memcpy(g.indices.data(), b.data(), b.size());
    g.n_rows = g.n_cols = static_cast<int>(g.indptr.size() - 1);
    if (g.indptr[0] != 0 || static_cast<size_t>(g.indptr.back()) != g.indices.size()) {
        std::fprintf(stderr, "%s: indptr[0] = %d, indptr[n] = %d, %zu indices\n", path.c_str(), g.indptr[0],
                     g.indptr.back(), g.indices.size());
        std::exit(2);
    }
    for (int r = 0; r < g.n_rows; ++r) {
        if (g.indptr[r + 1] < g.indptr[r]) {
            std::fprintf(stderr, "%s: indptr decreases at row %d\n", path.c_str(), r);
            std::exit(2);
        }
    }
    for (int32_t c : g.indices) {
        if (c < 0 || c >= g.n_cols) {
            std::fprintf(stderr, "%s: column %d out of range\n", path.c_str(), c);
            std::exit(2);
        }
    }
    if (read_all(path + ".values", false, v) && v.size() == g.indices.size() * 4) {
        g.values.resize(g.indices.size());
        std::memcpy(g.values.data(), v.data(), v.size());
    } else {
        g.values.resize(g.indices.size());
        Rng rng(stream_seed(seed, 31));
        for (auto& x : g.values) x = static_cast<float>(rng.uniform01());
    }
    return g;
}

inline std::vector<float> random_matrix(int64_t rows, int cols, uint64_t seed) {
    std::vector<float> m(static_cast<size_t>(rows) * cols);
    parallel_for(rows, [&](int64_t r) {
        Rng rng(stream_seed(seed, static_cast<uint64_t>(r), 2));
        for (int c = 0; c < cols; ++c) m[static_cast<size_t>(r) * cols + c] = rng.uniform_pm1();
    });
    return m;
}

// ---- device buffers -----------------------------------------------------------------------------------------
template <typename T>
struct DevBuf {
    T* p = nullptr;
    size_t n = 0;
    DevBuf() = default;
    explicit DevBuf(size_t count) { alloc(count); }
    DevBuf(const DevBuf&) = delete;
    DevBuf& operator=(const DevBuf&) = delete;
    ~DevBuf() { if (p) cudaFree(p); }
    void alloc(size_t count) {
        if (p) cudaFree(p);
        n = count;
        CK_CUDA(cudaMalloc(&p, std::max<size_t>(count, 1) * sizeof(T)));
    }
    void upload(const std::vector<T>& h) {
        if (h.size() != n) alloc(h.size());
        if (n) CK_CUDA(cudaMemcpy(p, h.data(), n * sizeof(T), cudaMemcpyHostToDevice));
    }
    std::vector<T> download() const {
        std::vector<T> h(n);
        if (n) CK_CUDA(cudaMemcpy(h.data(), p, n * sizeof(T), cudaMemcpyDeviceToHost));
        return h;
    }
    void poison() { if (n) CK_CUDA(cudaMemset(p, 0xFF, n * sizeof(T))); }  // float 0xFFFFFFFF = NaN
    size_t bytes() const { return n * sizeof(T); }
};

struct DevCsr {
    DevBuf<int32_t> indptr, indices;
    DevBuf<float> values;
    void upload(const HostCsr& g) {
        indptr.upload(g.indptr);
        indices.upload(g.indices);
        values.upload(g.values);
    }
};

// ---- cuSPARSE SpMM (CSR, int32, fp32, row-major B and C) ---------------------------------------------------
struct CusparseSpmm {
    cusparseHandle_t h = nullptr;
    cusparseSpMatDescr_t A = nullptr;
    cusparseDnMatDescr_t B = nullptr, C = nullptr;
    cusparseSpMMAlg_t alg = CUSPARSE_SPMM_CSR_ALG2;
    void* buffer = nullptr;
    size_t buffer_bytes = 0;
    float alpha = 1.f, beta = 0.f;

    void setup(const HostCsr& g, DevCsr& d, const float* X, int width, float* Y, cusparseSpMMAlg_t a) {
        alg = a;
        CK_SPARSE(cusparseCreate(&h));
        CK_SPARSE(cusparseCreateCsr(&A, g.n_rows, g.n_cols, g.nnz(), d.indptr.p, d.indices.p, d.values.p,
                                    CUSPARSE_INDEX_32I, CUSPARSE_INDEX_32I, CUSPARSE_INDEX_BASE_ZERO, CUDA_R_32F));
        CK_SPARSE(cusparseCreateDnMat(&B, g.n_cols, width, width, const_cast<float*>(X), CUDA_R_32F,
                                      CUSPARSE_ORDER_ROW));
        CK_SPARSE(cusparseCreateDnMat(&C, g.n_rows, width, width, Y, CUDA_R_32F, CUSPARSE_ORDER_ROW));
        CK_SPARSE(cusparseSpMM_bufferSize(h, CUSPARSE_OPERATION_NON_TRANSPOSE, CUSPARSE_OPERATION_NON_TRANSPOSE,
                                          &alpha, A, B, &beta, C, CUDA_R_32F, alg, &buffer_bytes));
        CK_CUDA(cudaMalloc(&buffer, std::max<size_t>(buffer_bytes, 16)));
    }
    void preprocess() {
        CK_SPARSE(cusparseSpMM_preprocess(h, CUSPARSE_OPERATION_NON_TRANSPOSE, CUSPARSE_OPERATION_NON_TRANSPOSE,
                                          &alpha, A, B, &beta, C, CUDA_R_32F, alg, buffer));
    }
    void run() {
        CK_SPARSE(cusparseSpMM(h, CUSPARSE_OPERATION_NON_TRANSPOSE, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, A, B,
                               &beta, C, CUDA_R_32F, alg, buffer));
    }
    ~CusparseSpmm() {
        if (A) cusparseDestroySpMat(A);
        if (B) cusparseDestroyDnMat(B);
        if (C) cusparseDestroyDnMat(C);
        if (buffer) cudaFree(buffer);
        if (h) cusparseDestroy(h);
    }
};

// ---- timing ---------------------------------------------------------------------------------------------------
struct Timing {
    std::vector<float> ms;
    double median() const {
        std::vector<float> s = ms;
        std::sort(s.begin(), s.end());
        if (s.empty()) return 0;
        return s.size() % 2 ? s[s.size() / 2] : 0.5 * (s[s.size() / 2 - 1] + s[s.size() / 2]);
    }
    double mean() const {
        double t = 0;
        for (float v : ms) t += v;
        return ms.empty() ? 0 : t / ms.size();
    }
    double min() const { return ms.empty() ? 0 : *std::min_element(ms.begin(), ms.end()); }
    double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

struct TimerConfig {
    int warmup = 5;
    int runs = 25;
    bool flush_l2 = true;
    DevBuf<uint8_t>* flush_buf = nullptr;  // written between runs to evict the L2
};

// Times fn() with CUDA events around the call only; the L2 flush (a memset larger than the L2) runs
// before each timed call, outside the events.
inline Timing time_gpu(const TimerConfig& cfg, const std::function<void()>& fn) {
    cudaEvent_t a, b;
    CK_CUDA(cudaEventCreate(&a));
    CK_CUDA(cudaEventCreate(&b));
    for (int i = 0; i < cfg.warmup; ++i) fn();
    CK_CUDA(cudaDeviceSynchronize());
    Timing t;
    for (int i = 0; i < cfg.runs; ++i) {
        if (cfg.flush_l2 && cfg.flush_buf) CK_CUDA(cudaMemsetAsync(cfg.flush_buf->p, i & 0xff, cfg.flush_buf->bytes()));
        CK_CUDA(cudaEventRecord(a));
        fn();
        CK_CUDA(cudaEventRecord(b));
        CK_CUDA(cudaEventSynchronize(b));
        float ms = 0;
        CK_CUDA(cudaEventElapsedTime(&ms, a, b));
        t.ms.push_back(ms);
    }
    CK_CUDA(cudaGetLastError());
    cudaEventDestroy(a);
    cudaEventDestroy(b);
    return t;
}

// The released MaxK-GNN kernels' own protocol ("released-host-mean4"): a host clock around the launch followed
// by cudaDeviceSynchronize, 4 warm-ups, 4 timed runs, no L2 flush; the figure is their MEAN (Timing::mean).
inline Timing time_host_mean4(const std::function<void()>& fn) {
    for (int i = 0; i < 4; ++i) {
        fn();
        CK_CUDA(cudaDeviceSynchronize());
    }
    Timing t;
    for (int i = 0; i < 4; ++i) {
        const auto a = std::chrono::steady_clock::now();
        fn();
        CK_CUDA(cudaDeviceSynchronize());
        const auto b = std::chrono::steady_clock::now();
        t.ms.push_back(static_cast<float>(std::chrono::duration<double, std::milli>(b - a).count()));
    }
    return t;
}

// ---- comparison -------------------------------------------------------------------------------------------------
// ||out - ref|| / ||ref|| over all elements; +inf if any output is NaN/inf (unwritten poison included).
inline double rel_error(const float* out, const double* ref, size_t n) {
    double num = 0, den = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!std::isfinite(out[i])) return INFINITY;
        const double d = static_cast<double>(out[i]) - ref[i];
        num += d * d;
        den += ref[i] * ref[i];
    }
    if (den == 0) return num == 0 ? 0 : INFINITY;
    return std::sqrt(num / den);
}

inline std::vector<int> parse_int_list(const std::string& s) {
    std::vector<int> v;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = s.find(',', i);
        if (j == std::string::npos) j = s.size();
        if (j > i) v.push_back(std::atoi(s.substr(i, j - i).c_str()));
        i = j + 1;
    }
    return v;
}

inline void print_device_header() {
    mxk_device_info_t info;
    CK_MXK(mxk_device_info(0, &info));
    char build[256];
    CK_MXK(mxk_build_info(build, sizeof(build)));
    std::printf("device: %s (cc %d.%d, %d SMs, L2 %d MB, %.1f GB), driver %d, runtime %d\n%s\n", info.name,
                info.cc_major, info.cc_minor, info.sm_count, info.l2_cache_bytes >> 20,
                info.total_global_mem_bytes / 1e9, info.driver_version, info.runtime_version, build);
    int ma = 0, mi = 0, pa = 0;
    cusparseGetProperty(MAJOR_VERSION, &ma);
    cusparseGetProperty(MINOR_VERSION, &mi);
    cusparseGetProperty(PATCH_LEVEL, &pa);
    std::printf("cuSPARSE %d.%d.%d\n", ma, mi, pa);
}

// Entry points of the two modes.
int run_verify(uint64_t seed);
struct BenchOptions {
    std::string graph = "reddit-uniform";
    int dim = 256;
    std::vector<int> ks{16, 32, 64};
    std::string json_path;
    int runs = 25;
    int warmup = 5;
    bool flush = true;
    bool sweep = true;
    bool quick = false;  // baselines: cuSPARSE ALG2 only (no ALG3, width-k, GNNAdvisor)
    bool released = false;  // also time under the released code's protocol (time_host_mean4)
    uint64_t seed = 123;
};
int run_bench(const BenchOptions& opt);

}  // namespace check

#endif  // MXK_CHECK_COMMON_H_
