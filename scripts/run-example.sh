#!/usr/bin/env bash
# Installs dependencies, builds the release binary and analyses the bundled
# example article (written by us), printing the readable report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
cmake --preset release >/dev/null
cmake --build --preset release
echo
build/release/claimtrace analyze examples/port-drones.txt --output-format report \
  --outlet "Example Desk" --published 2026-11-25
