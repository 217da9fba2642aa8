// maxk_native_check: correctness checks and benchmarks of libmaxk_native.
//
//   maxk_native_check verify [--seed S]
//   maxk_native_check bench [--graph reddit-uniform|uniform:N:DEG|csr:PATH] [--dim 256] [--k 16,32,64]
//                           [--json out.jsonl] [--runs 25] [--warmup 5] [--no-flush] [--no-sweep] [--quick]
//                           [--released-protocol] [--seed S]
//   --quick: baselines limited to cuSPARSE ALG2 (the speed-up reference).
//   csr:PATH: raw int32 CSR files PATH.indptr / PATH.indices (+ optional float32 PATH.values).
//   --released-protocol: also time MaxK forward/backward and ALG2 the released MaxK-GNN way (host clock around
//   launch + sync, 4 warm-ups, mean of 4, no L2 flush); rows marked "@released".
//
// verify: fresh random inputs (seeded), CPU references in double, every kernel and shape; exit code 0 if all
// checks pass, 1 otherwise. bench: CUDA-event timings on a generated graph, each result verified on sampled
// rows; prints a table and writes JSON lines.
#include <cstdio>
#include <cstring>
#include <string>

#include "check_common.h"

namespace {

void usage() {
    std::printf(
        "usage:\n"
        "  maxk_native_check verify [--seed S]\n"
        "  maxk_native_check bench [--graph reddit-uniform|uniform:N:DEG|csr:PATH] [--dim D] [--k 16,32,64]\n"
        "                          [--json PATH] [--runs R] [--warmup W] [--no-flush] [--no-sweep] [--quick]\n"
        "                          [--released-protocol] [--seed S]\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        usage();
        return 2;
    }
    const std::string mode = argv[1];
    check::BenchOptions opt;
    uint64_t seed = 20240101;
    bool seed_given = false;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "missing value after %s\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--seed") {
            seed = std::strtoull(next().c_str(), nullptr, 10);
            seed_given = true;
        } else if (a == "--graph") {
            opt.graph = next();
        } else if (a == "--dim") {
            opt.dim = std::atoi(next().c_str());
        } else if (a == "--k") {
            opt.ks = check::parse_int_list(next());
        } else if (a == "--json") {
            opt.json_path = next();
        } else if (a == "--runs") {
            opt.runs = std::atoi(next().c_str());
        } else if (a == "--warmup") {
            opt.warmup = std::atoi(next().c_str());
        } else if (a == "--no-flush") {
            opt.flush = false;
        } else if (a == "--no-sweep") {
            opt.sweep = false;
        } else if (a == "--quick") {
            opt.quick = true;
        } else if (a == "--released-protocol") {
            opt.released = true;
        } else {
            std::fprintf(stderr, "unknown option %s\n", a.c_str());
            usage();
            return 2;
        }
    }
    if (mode == "verify") return check::run_verify(seed);
    if (mode == "bench") {
        if (seed_given) opt.seed = seed;
        if (opt.runs < 1) opt.runs = 1;
        return check::run_bench(opt);
    }
    usage();
    return 2;
}
