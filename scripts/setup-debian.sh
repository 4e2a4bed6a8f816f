#!/usr/bin/env bash
# Installs every Debian 12 package claimtrace needs to build, test and
# benchmark. Idempotent: packages already present are not fetched again.
set -euo pipefail
PACKAGES=(
  g++ cmake ninja-build ccache pkg-config git   # toolchain
  libsimdjson-dev zlib1g-dev libicu-dev libxxhash-dev libcli11-dev  # engine
  libsqlite3-dev libzstd-dev                    # store
  libstemmer-dev                                # Snowball stemmer (link: claim clusters)
  libxml2-dev libcld2-dev                       # HTML parser, language detection (ingest/html)
  libdeflate-dev                                # fast whole-member gzip inflate (ingest)
  libgtest-dev libgmock-dev libbenchmark-dev    # tests and benchmarks
  clang-14 libclang-rt-14-dev                   # libFuzzer targets (scripts/fuzz.sh)
  python3 gzip zstd                             # CLI tests and scorers
  wamerican                                     # English word list (lexicon: common words)
  wordnet-base                                  # WordNet exception lists (tag lexicon: lemmas)
)
# Node.js + npm fetch the registry data compiled into the lexicon. Use the
# machine's own when present (it may not come from Debian), else Debian's.
command -v npm >/dev/null 2>&1 || PACKAGES+=(nodejs npm)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-debian: all ${#PACKAGES[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "setup-debian: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
