#!/usr/bin/env bash
# `cmake --install` gives a rectrack that works on its own: installed into a
# temporary prefix, moved elsewhere, and run from an unrelated folder with
# the build tree and the source tree's data hidden, as if deleted (empty
# folders mounted over them in a private mount namespace, as root), it finds
# its bundled data and runs init, recs and report. RECTRACK_DATA
# overrides where the data is.
#   install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd) source=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/first" >/dev/null
mv "$work/first" "$work/moved"   # the build-time prefix is no help now
rectrack=$work/moved/bin/rectrack
test -x "$rectrack"
test -x "$work/moved/libexec/rectrack/rectrack-online" || { echo "not installed: the network helper"; exit 1; }
for f in share/rectrack/made-in-china.toml share/man/man1/rectrack.1 \
         share/bash-completion/completions/rectrack share/zsh/vendor-completions/_rectrack \
         share/fish/vendor_completions.d/rectrack.fish; do
  test -f "$work/moved/$f" || { echo "not installed: $f"; exit 1; }
done

mkdir "$work/elsewhere" "$work/empty"
cd "$work/elsewhere"
run() {  # rectrack ARGS, with the build tree and source data hidden where possible
  if [[ $(id -u) == 0 ]] && unshare --mount true 2>/dev/null; then
    unshare --mount sh -c 'mount --bind "$0" "$1" && mount --bind "$0" "$2" && shift 2 &&
                           exec "$@"' \
      "$work/empty" "$source/data" "$build" "$rectrack" "$@"
  else
    "$rectrack" "$@"
  fi
}
export RECTRACK_AUTHOR=tester RECTRACK_NOW=2026-11-27T12:00:00Z
expect() {  # expect PATTERN TEXT: TEXT has a line matching PATTERN
  grep -q -- "$1" <<<"$2" || { echo "expected '$1' in: $2"; exit 1; }
}
# As many events as the source tree's data gives: the installed copy is that data.
events=$("$rectrack" --db "$work/reference.db" init --data "$source/data/made-in-china.toml" |
         sed -E 's/.* with ([0-9]+) events .*/\1/')
expect "with $events events from $work/moved/share/rectrack/made-in-china.toml" \
  "$(run --db installed.db init)"
expect "^R11 " "$(run --db installed.db recs)"
expect "^# Status report" "$(run --db installed.db report --quarter 2024-Q3)"
# A command that needs the network runs the installed helper; the helper's
# own answer (an unknown source, before anything is fetched) shows it ran.
if run --db installed.db evidence capture E9999 2>err.txt; then
  echo "capture of an unknown source succeeded"; exit 1
fi
grep -q "unknown evidence 'E9999'" err.txt || { echo "the helper did not run: $(cat err.txt)"; exit 1; }

# RECTRACK_DATA names another data folder.
mkdir "$work/data"
cp "$source/tests/data/small.toml" "$work/data/made-in-china.toml"
expect "from $work/data/made-in-china.toml" "$(RECTRACK_DATA=$work/data run --db other.db init)"
if RECTRACK_DATA=$work/nowhere run --db none.db init 2>err.txt; then
  echo "init succeeded without data"; exit 1
fi
grep -q "no dataset at '$work/nowhere/made-in-china.toml'" err.txt
echo "install test passed"
