#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang 16 in build-fuzz/ and
# runs each for SECONDS (default 60), one after another:
#   scripts/fuzz.sh [SECONDS] [TARGET...]     targets: dataset journal identifiers dates url
# A target's growing corpus is kept in build-fuzz/corpus/TARGET, seeded from
# tests/fuzz/seeds/TARGET (and, for datasets, the test and bundled data).
# An input that breaks a property or the sanitizers is written to
# build-fuzz/findings/TARGET/ and the script exits 1; add it to the unit
# tests when you fix it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
(( ${#targets[@]} )) || targets=(dataset journal identifiers dates url)

bash scripts/install-deps.sh --fuzz
cmake -S . -B build-fuzz -DRECTRACK_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++-16 >/dev/null
cmake --build build-fuzz -j2 --target "${targets[@]/#/fuzz_}"

found=0
for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$t findings=build-fuzz/findings/$t
  mkdir -p "$corpus" "$findings"
  seeds=(tests/fuzz/seeds/$t)
  [[ $t == dataset ]] && seeds=(tests/data data)
  echo "== fuzz_$t for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=1 build-fuzz/tests/fuzz/fuzz_$t -max_total_time="$seconds" \
      -timeout=20 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$findings/" "$corpus" "${seeds[@]}" 2>build-fuzz/fuzz_$t.log; then
    found=1
    echo "fuzz_$t found a problem: see build-fuzz/fuzz_$t.log and $findings/"
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" build-fuzz/fuzz_$t.log || true
done
exit $found
