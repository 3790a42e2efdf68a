#!/usr/bin/env bash
# `cpack -G DEB` builds a package that depends on the runtime libraries it
# links, holds the files `cmake --install` installs under /usr, and whose
# binary runs `init` from the unpacked tree with the source data hidden.
#   package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$build" && cpack -G DEB -B "$work/out" >/dev/null)
deb=$(ls "$work"/out/rectrack_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libcurl4 libsqlite3-0 libssl3 zlib1g; do
  grep -q "$lib" <<<"$depends" || { echo "Depends lacks $lib: $depends"; exit 1; }
done
# The C++ runtime is linked in (cli/CMakeLists.txt): the package does not
# need Debian's, nor toml++'s shared library.
for lib in libstdc++6 libtomlplusplus; do
  if grep -q "$lib" <<<"$depends"; then echo "Depends names $lib: $depends"; exit 1; fi
done
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/rectrack ./usr/libexec/rectrack/rectrack-online ./usr/share/rectrack/made-in-china.toml ./usr/share/man/man1/rectrack.1 \
         ./usr/share/bash-completion/completions/rectrack; do
  grep -qx -- "$f" <<<"$contents" || { echo "the package lacks $f"; exit 1; }
done

dpkg-deb -x "$deb" "$work/root"
mkdir "$work/elsewhere" "$work/empty"
cd "$work/elsewhere"
export RECTRACK_AUTHOR=tester RECTRACK_NOW=2026-11-27T12:00:00Z
if [[ $(id -u) == 0 ]] && unshare --mount true 2>/dev/null; then
  out=$(unshare --mount sh -c 'mount --bind "$0" "$1" && shift && exec "$@"' \
    "$work/empty" "$source/data" "$work/root/usr/bin/rectrack" --db p.db init)
else
  out=$("$work/root/usr/bin/rectrack" --db p.db init)
fi
# As many events as the source tree's data gives: the packaged copy is that data.
events=$("$work/root/usr/bin/rectrack" --db "$work/reference.db" init \
           --data "$source/data/made-in-china.toml" | sed -E 's/.* with ([0-9]+) events .*/\1/')
grep -q "with $events events from $work/root/usr/share/rectrack/made-in-china.toml" <<<"$out" ||
  { echo "unexpected: $out"; exit 1; }
echo "package test passed"
