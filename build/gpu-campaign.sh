#!/usr/bin/env bash
# One shard of the GPU campaign from a bundle (the path ./build.sh Benchmark takes on a GPU host with an SDK):
# builds native/cuda, optionally runs the GPU tests and the kernel verification grid, then
# `maxk bench --suite SUITE --shard I/N` for each suite. Results, logs and the GPU test report go to MAXK_OUT (tarred as results.tgz).
# Usage: gpu-campaign.sh I/N [--tests]   env: MAXK_SUITE (default; MAXK_SUITES: several, space-separated), MAXK_OUT,
#   MAXK_COMMIT, MAXK_CUDA_ARCH, MAXK_RELEASED_DIR (a MaxK-GNN checkout for suites with the released peer),
#   MAXK_BENCH_TIMEOUT (seconds for each bench step, default 3600; the journal lets a later --resume continue), MAXK_DEADLINE
#   (epoch seconds by which every bench step must end),
#   MAXK_NCU=1 (also ncu DRAM/L2 bytes of MaxK forward/backward and cuSPARSE ALG2 on reddit-uniform, k = 16/32/64,
#   with the native check tool: logs/ncu-traffic.csv)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Provenance: the commit the bundle was built from, unless the caller set MAXK_COMMIT (the GPU host may have no checkout).
if [ -z "${MAXK_COMMIT:-}" ] && [ -f "$here/source-commit.env" ]; then set -a; . "$here/source-commit.env"; set +a; fi
shard="${1:-1/1}"
out="${MAXK_OUT:-$here/out}"
suite="${MAXK_SUITE:-default}"
mkdir -p "$out/logs" "$out/results"
cd "$here"
./gpu-host.sh native > "$out/logs/native.log" 2>&1 || { echo "native build failed"; tail -30 "$out/logs/native.log"; exit 1; }
export MAXK_NATIVE_LIB="$here/native-build/libmaxk_native.so" DOTNET_ROOT="$here/.dotnet" PATH="$here/.dotnet:$PATH"
status=0
if [[ "${2:-}" == "--tests" ]]; then
  MAXK_OUT="$out/logs" ./gpu-host.sh test > "$out/logs/gpu-tests.log" 2>&1 || status=1
  tail -3 "$out/logs/gpu-tests.log"
  dotnet harness/maxk.dll verify > "$out/logs/verify.log" 2>&1 || status=1
  tail -2 "$out/logs/verify.log"
fi
if [[ -n "${MAXK_NCU:-}" ]]; then
  # DRAM and L2 bytes per kernel launch (hardware counters; clocks left alone): MaxK forward/backward at k = 16/32/64 and
  # cuSPARSE ALG2 at D = 256 on the Reddit-sized uniform graph. One timed run per case (--runs 1 --warmup 0), so every
  # kernel shows up once or twice (timed and verification run).
  timeout "${MAXK_NCU_TIMEOUT:-300}" ncu --clock-control none --target-processes all -k regex:"spgemm|sspmm|csrmm|SpMM|spmm" --csv \
    --metrics dram__bytes_read.sum,dram__bytes_write.sum,lts__t_bytes.sum,gpu__time_duration.sum \
    native-build/maxk_native_check bench --graph reddit-uniform --dim 256 --k ${MAXK_NCU_K:-32} --quick --no-sweep --runs 1 --warmup 0 \
    > "$out/logs/ncu-traffic.csv" 2> "$out/logs/ncu.err"; echo "ncu exit $?"
  grep -c "dram__bytes_read" "$out/logs/ncu-traffic.csv"; tail -2 "$out/logs/ncu.err"
fi
for suite in ${MAXK_SUITES:-$suite}; do
  start=$(date +%s)
  log="$out/logs/bench-$suite-${shard/\//-of-}.log"
  limit="${MAXK_BENCH_TIMEOUT:-3600}"
  # MAXK_DEADLINE (seconds since the epoch): no case starts after it (--stop-after), so the result of what finished is
  # written in time for the tarball; a hard timeout 60 s later in case one case runs long.
  if [[ -n "${MAXK_DEADLINE:-}" ]]; then left=$(( MAXK_DEADLINE - $(date +%s) )); (( left < limit )) && limit=$left; fi
  (( limit < 1 )) && limit=1
  timeout $(( limit + 60 )) dotnet harness/maxk.dll bench --suite "$suite" --shard "$shard" --output "$out/results" --stop-after "$limit" ${MAXK_RESUME:+--resume} \
    > "$log" 2>&1 || status=1
  echo "bench $suite shard $shard: exit $status after $(( $(date +%s) - start )) s"
  grep -E "FAILED|failed|error" "$log" | head -10
  tail -3 "$log"
done
(cd "$out" && tar czf results.tgz results logs && rm -rf results logs)
exit $status
