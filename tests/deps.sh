#!/bin/sh
# Install the Debian packages Zeef needs, when any is missing (`make deps`:
# to build and run the demo; `make test-deps`: for the tests).
# Usage: deps.sh PACKAGE...   Runs apt-get as root, or through sudo; apt's
# own lines (a line per package) show that a long download is moving.
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing" >&2
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -q $missing ||
	{ $sudo apt-get update -q && $sudo apt-get install -y -q $missing; } ||
	{ echo "deps: could not install:$missing" >&2; exit 1; }
