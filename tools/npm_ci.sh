#!/bin/sh
# npm ci for the lexicon build, safe when several presets build at once:
# flock serialises the runs, and a run that finds node_modules/ installed
# from the current package-lock.json skips the reinstall (npm ci first
# deletes node_modules/, which another build may be reading).
# Usage: tools/npm_ci.sh NPM SOURCE_DIR
set -eu
npm=$1
cd "$2"
exec 9>.npm-ci.lock
flock 9
if [ node_modules/.package-lock.json -nt package-lock.json ]; then exit 0; fi
"$npm" ci --ignore-scripts --no-audit --no-fund --loglevel=error
