#!/usr/bin/env bash
# Mutation fuzzing of the four loaders (project file, text import, W3C, QDPX) for SECONDS
# (default 120), in release. Findings are kept in target/fuzz-findings/.
#
#   scripts/fuzz-loaders.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
LATERAL_FUZZ_SECONDS=${1:-120} cargo bench --no-default-features --bench fuzz_loaders
