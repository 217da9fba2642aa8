#!/usr/bin/env bash
# Runs on a GPU host without a .NET SDK, from a bundle made by ./build.sh Bundle:
# unpacks the .NET runtime, compiles native/cuda, runs the GPU tests, the kernel verification grid, then the benchmark.
# Usage: gpu-host.sh [all|native|test|verify|bench|kernels]   env: MAXK_CUDA_ARCH (sm_90), MAXK_OUT (results/logs folder)
#   kernels (not part of all): the GPU kernel benchmark alone, `maxk kernels` with MAXK_KERNELS_ARGS (default: both Reddit graphs).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Provenance: the commit the bundle was built from, unless the caller set MAXK_COMMIT (the GPU host may have no checkout).
if [ -z "${MAXK_COMMIT:-}" ] && [ -f "$here/source-commit.env" ]; then set -a; . "$here/source-commit.env"; set +a; fi
step="${1:-all}"
arch="${MAXK_CUDA_ARCH:-sm_90}"
out="${MAXK_OUT:-$here/out}"
mkdir -p "$out"
if [ ! -x "$here/.dotnet/dotnet" ]; then
  mkdir -p "$here/.dotnet"
  tar -xf "$(ls "$here"/dotnet-runtime-*.tar.* | head -n1)" -C "$here/.dotnet"
fi
export DOTNET_ROOT="$here/.dotnet" PATH="$here/.dotnet:$PATH" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
maxk() { dotnet "$here/harness/maxk.dll" "$@"; }
# The bundle stores the files gpu-tests/ shares with harness/ once (see shared-with-harness.txt); put them back.
if [ -f "$here/gpu-tests/shared-with-harness.txt" ]; then
  while IFS= read -r f; do [ -n "$f" ] && [ ! -e "$here/gpu-tests/$f" ] && cp "$here/harness/$f" "$here/gpu-tests/$f"; done < "$here/gpu-tests/shared-with-harness.txt"
fi
status=0
if [[ "$step" == all || "$step" == native ]]; then
  maxk native build --arch "$arch" --source "$here/native-cuda" --build-dir "$here/native-build"
fi
export MAXK_NATIVE_LIB="$here/native-build/libmaxk_native.so"
if [[ "$step" == all || "$step" == test ]]; then
  maxk torch check --device cuda || status=1
  # Run directly (no SDK), the test app takes xUnit console options: -xml writes the report ci test-summary reads.
  mkdir -p "$out/gpu-tests"
  MAXK_REQUIRE_GPU=1 dotnet "$here/gpu-tests/Gpu.Tests.dll" -xml "$out/gpu-tests/gpu-tests.xml" || status=1
  maxk ci test-summary "$out/gpu-tests" || status=1
fi
if [[ "$step" == all || "$step" == verify ]]; then
  maxk verify || status=1
fi
if [[ "$step" == kernels ]]; then
  # shellcheck disable=SC2086
  maxk kernels ${MAXK_KERNELS_ARGS:---graph reddit-uniform,reddit-rmat --dim 256 --k 16,32,64} --output "$out/results" || status=1
fi
if [[ "$step" == all || "$step" == bench ]]; then
  maxk bench --suite default --output "$out/results" || status=1
fi
exit $status
