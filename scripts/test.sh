#!/usr/bin/env bash
# The full test suite: installs dependencies, then builds and runs every test
# twice, once in the debug build and once under AddressSanitizer +
# UndefinedBehaviorSanitizer. Add --quick to skip the sanitizer pass.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
JOBS=$(nproc)
for preset in dev asan; do
  if [ "${1:-}" = "--quick" ] && [ "$preset" = asan ]; then continue; fi
  echo "== $preset build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$JOBS"
  echo "== $preset tests"
  ctest --preset "$preset" -j "$JOBS"
done
echo "all tests passed"
