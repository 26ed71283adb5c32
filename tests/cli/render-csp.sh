#!/usr/bin/env bash
# The page's Content-Security-Policy allows exactly its own script: the hash
# it names is the SHA-256 of the script in the page (so an edited script with
# a stale hash in pipelines/zeef/render_assets.c fails here, browser or not).
set -u
page=$("$BIN/zeef" render </dev/null) || { echo "FAIL: zeef render failed"; exit 1; }
named=$(printf '%s\n' "$page" | grep -o "script-src 'sha256-[^']*'" | sed "s/.*sha256-//; s/'//")
script=$(printf '%s\n' "$page" | sed -n '/<script>/,/<\/script>/p' | sed '1s/.*<script>//; $s/<\/script>.*//')
hex=$(printf '%s\n' "$script" | sha256sum | cut -c1-64)
actual=$(printf "$(printf '%s' "$hex" | sed 's/../\\x&/g')" | base64)   # coreutils only
if [ -z "$named" ] || [ "$named" != "$actual" ]; then
	echo "FAIL: the policy names sha256-$named; the script's hash is sha256-$actual"
	exit 1
fi
printf '%s\n' "$page" | grep -q "default-src 'none'" || { echo "FAIL: no default-src 'none'"; exit 1; }
echo "ok: script-src 'sha256-$actual'"
