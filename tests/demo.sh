#!/bin/sh
# `make demo`: the default Dutch news pipeline on the sample articles.
# Usage: demo.sh BINDIR
bin=$1
here=$(dirname "$0")
"$bin/normalize" "$here"/samples/*.txt
