#!/bin/sh
# Install the Debian packages Zeef needs, when any is missing (`make deps`:
# to build and run the demo; `make test-deps`: for the tests).
# Usage: deps.sh PACKAGE...   Runs apt-get as root, or through sudo. apt's
# output goes to a log, shown when it fails; a line every 20 s says that a
# long download is still moving.
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing" >&2
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp); trap 'rm -f "$log"' EXIT
install() {
	$sudo apt-get install -y -q $missing ||
		{ $sudo apt-get update -q && $sudo apt-get install -y -q $missing; }
}
install >"$log" 2>&1 &
pid=$!
start=$(date +%s)
while kill -0 $pid 2>/dev/null; do
	sleep 1
	now=$(date +%s)
	[ $(( (now - start) % 20 )) -eq 0 ] && kill -0 $pid 2>/dev/null &&
		echo "deps: still installing ($((now - start)) s): $(grep -E '^(Get|Unpacking|Setting up)' "$log" | tail -1 | cut -c1-60)" >&2
done
wait $pid || { tail -20 "$log" >&2; echo "deps: could not install:$missing" >&2; exit 1; }
echo "deps: installed$missing" >&2
