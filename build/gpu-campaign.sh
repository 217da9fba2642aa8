#!/usr/bin/env bash
# One shard of the GPU campaign from a bundle (the path ./build.sh Benchmark takes on a GPU host with an SDK):
# builds native/cuda, optionally runs the GPU tests and the kernel verification grid, then
# `maxk bench --suite SUITE --shard I/N`. Results, logs and the GPU test report go to MAXK_OUT (tarred as results.tgz).
# Usage: gpu-campaign.sh I/N [--tests]   env: MAXK_SUITE (default), MAXK_OUT, MAXK_COMMIT, MAXK_CUDA_ARCH,
#   MAXK_BENCH_TIMEOUT (seconds for the bench step, default 3600; the journal lets a later --resume continue)
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
start=$(date +%s)
timeout "${MAXK_BENCH_TIMEOUT:-3600}" dotnet harness/maxk.dll bench --suite "$suite" --shard "$shard" --output "$out/results" ${MAXK_RESUME:+--resume} \
  > "$out/logs/bench-${shard/\//-of-}.log" 2>&1 || status=1
echo "bench shard $shard: exit $status after $(( $(date +%s) - start )) s"
grep -E "FAILED|failed|error" "$out/logs/bench-${shard/\//-of-}.log" | head -20
tail -5 "$out/logs/bench-${shard/\//-of-}.log"
(cd "$out" && tar czf results.tgz results logs && rm -rf results logs)
exit $status
