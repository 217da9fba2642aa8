#!/usr/bin/env bash
# gpu_quick.sh OUT_DIR [extra bench args...]: build, benchmark (cuSPARSE ALG2 as the only baseline, with the
# tuning sweeps) and verify on a GPU machine in one go, benchmark first. Logs go to OUT_DIR (6 files); a
# short summary goes to stdout.
set -u
OUT=${1:?usage: gpu_quick.sh OUT_DIR}
shift
HERE=$(cd "$(dirname "$0")/.." && pwd)
cd "$HERE"
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.mem,temperature.gpu,power.draw --format=csv > "$OUT/gpu.txt" 2>&1
nvcc --version | tail -2 >> "$OUT/gpu.txt"
cat "$OUT/gpu.txt"
t0=$(date +%s)
cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES=90 -DMXK_PTXAS_VERBOSE=ON > "$OUT/cmake.log" 2>&1 || { tail -30 "$OUT/cmake.log"; exit 1; }
grep "maxk_native:" "$OUT/cmake.log"
cmake --build build -j16 > "$OUT/build.log" 2>&1 || { grep -E "error" -A3 "$OUT/build.log" | head -60; exit 1; }
echo "build ok in $(( $(date +%s) - t0 )) s; spills:"; grep -E "spill" "$OUT/build.log" | grep -v " 0 bytes spill stores" | sort | uniq -c | head -5
t1=$(date +%s)
timeout 240 ./build/maxk_native_check bench --graph reddit-uniform --dim 256 --k 16,32,64 --quick --json "$OUT/bench.jsonl" "$@" \
  > "$OUT/bench.log" 2>&1; echo "bench exit $? after $(( $(date +%s) - t1 )) s"
sed -n '/^kernel /,$p' "$OUT/bench.log" | awk 'NF>=9 {printf "%-22s %-4s %-20s %9s %8s %s\n", $1, $2, $3, $4, $8, $9}'
t2=$(date +%s)
( timeout 200 ./build/maxk_native_check verify > "$OUT/verify.log" 2>&1; echo "verify exit $?" >> "$OUT/verify.log" )
echo "verify took $(( $(date +%s) - t2 )) s"
grep -E "FAIL" "$OUT/verify.log" | head -12; grep -E "summary|exit" "$OUT/verify.log"
