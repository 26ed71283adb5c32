#!/bin/sh
# `make demo`: the default Dutch news pipeline (pipelines/nl-news.yaml) on
# the sample articles. Prints a short summary of each article for a person
# to read (tests/demo.jq), writes the records as an HTML page, demo.html in
# the current folder, and says where it is and how to get the JSON itself.
# Usage: demo.sh BINDIR
set -e
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp); trap 'rm -f "$out"' EXIT
"$bin/zeef" run "$here/../pipelines/nl-news.yaml" "$here"/samples/*.txt >"$out"
jq -r -f "$here/demo.jq" "$out"
"$bin/zeef" render --title "Zeef demo" -o demo.html "$out"
echo "The page:    $(pwd)/demo.html (open it in a browser)"
echo "The records: $bin/zeef run nl-news tests/samples/*.txt"
