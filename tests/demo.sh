#!/bin/sh
# `make demo`: the default Dutch news pipeline on the sample articles.
# Usage: demo.sh BINDIR
bin=$1
here=$(dirname "$0")
pipeline=$here/../pipelines/nl-news.yaml
if "$bin/zeef" check -q "$pipeline" 2>/dev/null; then
	exec "$bin/zeef" run "$pipeline" "$here"/samples/*.txt
fi
# Until every filter of nl-news is built, show what there is.
echo "demo: nl-news is not complete yet ($("$bin/zeef" check -q "$pipeline" 2>&1 |
	sed -n "s/.*program '\([^']*\)' not found.*/\1/p" | tr '\n' ' ')missing); running normalize only" >&2
exec "$bin/normalize" "$here"/samples/*.txt
