#!/bin/sh
# `make demo`: the default Dutch news pipeline on the sample articles,
# records on stdout, then the same records as a page in demo.html.
# Usage: demo.sh BINDIR
set -e
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp); trap 'rm -f "$out"' EXIT
"$bin/zeef" run "$here/../pipelines/nl-news.yaml" "$here"/samples/*.txt >"$out"
cat "$out"
"$bin/zeef" render --title "Zeef demo" -o demo.html "$out"
echo "demo: $(wc -l <"$out") records above; wrote $(pwd)/demo.html, open it in a browser" >&2
