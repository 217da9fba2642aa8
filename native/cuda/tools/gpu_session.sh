#!/usr/bin/env bash
# gpu_session.sh OUT_DIR [extra bench args...]: build, verify and benchmark on a GPU machine in one go.
# Logs and JSON lines go to OUT_DIR; a short summary goes to stdout.
set -u
OUT=${1:?usage: gpu_session.sh OUT_DIR}
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
cuobjdump -sass build/libmaxk_native.so > "$OUT/sass.txt" 2>/dev/null && \
  echo "SASS atomic ops:" && grep -oE "(RED|ATOMS|ATOMG|ATOM)[A-Z0-9._]*" "$OUT/sass.txt" | sort | uniq -c
rm -f "$OUT/sass.txt"
( timeout 240 ./build/maxk_native_check verify > "$OUT/verify.log" 2>&1; echo "verify exit $?" >> "$OUT/verify.log" )
grep -E "FAIL" "$OUT/verify.log" | head -12; grep -E "summary|exit|done:" "$OUT/verify.log"
t1=$(date +%s)
timeout 300 ./build/maxk_native_check bench --graph reddit-uniform --dim 256 --k 16,32,64 --json "$OUT/bench.jsonl" "$@" \
  > "$OUT/bench.log" 2>&1; echo "bench exit $? after $(( $(date +%s) - t1 )) s"
sed -n '/^kernel /,$p' "$OUT/bench.log" | awk 'NF>=9 {printf "%-26s %-4s %-26s %9s %8s %s\n", $1, $2, $3, $4, $8, $9}' 
t2=$(date +%s)
timeout 200 ./build/maxk_native_check bench --graph reddit-uniform --dim 256 --k 16,32,64 --no-flush --no-sweep \
  --json "$OUT/bench_noflush.jsonl" > "$OUT/bench_noflush.log" 2>&1; echo "no-flush bench exit $? after $(( $(date +%s) - t2 )) s"
echo "no-flush (warm L2):"; sed -n '/^kernel /,$p' "$OUT/bench_noflush.log" | grep -E "maxk_(forward|backward|select) " | awk '{printf "%-26s %-4s %-10s %9s %8s\n", $1, $2, $3, $4, $8}' 
