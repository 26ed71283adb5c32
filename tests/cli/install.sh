#!/usr/bin/env bash
# `make install PREFIX=…` puts every program, a man page for each, and the
# shipped pipelines where a user expects them; the man pages render.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
make -s -C "$root" install PREFIX="$tmp/usr" >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
status=0
for prog in "$root"/bin/*; do
	name=$(basename "$prog")
	[ -x "$tmp/usr/bin/$name" ] || { echo "FAIL: bin/$name not installed"; status=1; }
	page=$tmp/usr/share/man/man1/$name.1
	if [ ! -s "$page" ]; then echo "FAIL: no man page for $name"; status=1; continue; fi
	# man-db is one of `make test-deps`' packages
	out=$(MANWIDTH=80 man -l "$page" 2>&1)
	echo "$out" | grep -q "^NAME" && echo "$out" | grep -q -- "--help" ||
		{ echo "FAIL: man page of $name does not render: $(echo "$out" | head -2)"; status=1; }
done
ls "$tmp/usr/share/zeef/pipelines/"*.yaml >/dev/null 2>&1 || { echo "FAIL: no pipelines installed"; status=1; }
"$tmp/usr/bin/normalize" --version | grep -q "(Zeef)" || { echo "FAIL: installed normalize does not run"; status=1; }
[ $status -eq 0 ] && echo "install: ok"
exit $status
