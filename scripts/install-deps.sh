#!/usr/bin/env bash
# Installs, from Debian's packages, what rectrack needs and is missing.
#   scripts/install-deps.sh          build and run
#   scripts/install-deps.sh --test   also what the tests use
#   scripts/install-deps.sh --fuzz   also what scripts/fuzz.sh uses
#   scripts/install-deps.sh --bench  also the peers bench/compare.py runs beside rectrack
# Run as root on Debian 12. Installs nothing that is already there, so a
# second run is quick and needs no network.
set -euo pipefail

packages=(g++ cmake make pkg-config libsqlitecpp-dev libsqlite3-dev libcli11-dev
          libtomlplusplus-dev nlohmann-json3-dev libssl-dev libcurl4-openssl-dev zlib1g-dev)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(libgtest-dev sqlite3 python3 pandoc chromium fonts-dejavu-core clang-format man-db
            dpkg-dev file strace  # strace: huge_pages_test counts a restart's exec
            poppler-utils librsvg2-bin
            ledger taskwarrior time)  # bench/compare.py --smoke runs in the suite
fi
if [[ "${1:-}" == "--bench" ]]; then  # bench/compare.py: the peers, and a release build
  packages+=(libgtest-dev sqlite3 python3 ledger taskwarrior time linkchecker)
fi
if [[ "${1:-}" == "--fuzz" ]]; then  # scripts/fuzz.sh: clang 16's libFuzzer
  packages+=(clang-16 libclang-rt-16-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if (( ${#missing[@]} )); then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
