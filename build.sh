#!/usr/bin/env bash
# Entry point of the build: ./build.sh <Target> [cake options], or ./build.sh --target=<Target>.
# Targets are defined in build/build.cake; ./build.sh Help lists them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Output to a file or a pipe gets no ANSI colour codes (Cake honours NO_COLOR); a terminal keeps its colours.
if [[ ! -t 1 && -z "${NO_COLOR:-}" ]]; then export NO_COLOR=1; fi
args=()
if [[ $# -gt 0 && "$1" != -* ]]; then
  args+=("--target=$1")
  shift
fi
dotnet tool restore >/dev/null
exec dotnet cake build/build.cake "${args[@]}" "$@"
