#!/bin/sh
# Make a man page (roff) from a program's --help and --version.
# Usage: mkman.sh PROGRAM VERSION > PROGRAM.1
prog=$1 version=$2
name=$(basename "$prog")
help=$("$prog" --help) || exit 1
purpose=$(printf '%s\n' "$help" | sed -n 2p)
cat <<EOT
.TH $(echo "$name" | tr a-z A-Z) 1 "" "Zeef $version" "User Commands"
.SH NAME
$name \\- $(printf '%s' "$purpose" | sed 's/\.$//')
.SH SYNOPSIS
$(printf '%s\n' "$help" | sed -n 1p | sed 's/^Usage: //; s/-/\\-/g')
.SH DESCRIPTION
.nf
EOT
printf '%s\n' "$help" | sed '1,2d' | sed 's/\\/\\e/g; s/^\./\\\&./; s/^'"'"'/\\\&'"'"'/'
cat <<EOT
.fi
.SH VERSION
$("$prog" --version | sed 's/\\/\\e/g')
.SH SEE ALSO
zeef(1), and the README of Zeef.
EOT
