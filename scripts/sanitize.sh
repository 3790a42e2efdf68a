#!/usr/bin/env bash
# Builds rectrack and its tests with AddressSanitizer and
# UndefinedBehaviorSanitizer in build-sanitize/ and runs the whole suite
# there; any sanitizer report fails a test. Takes about twice as long as the
# plain suite. Needs what `scripts/install-deps.sh --test` installs.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-sanitize}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DRECTRACK_SANITIZE=ON >/dev/null
cmake --build "$build" -j2
# halt_on_error: the first report ends the process, so the test that made
# it fails. detect_leaks: a leak is a report like any other.
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ctest --test-dir "$build" --output-on-failure -j2
