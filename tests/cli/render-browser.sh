#!/usr/bin/env bash
# `zeef render` in a real browser: Debian's chromium, headless, loads a page
# rendered from the fixtures and we check the DOM it built: as many entity
# highlights and quotes as the records have, the right speaker labels, the
# page's own script ran (so its Content-Security-Policy hash is right) and
# the <script> smuggled in by a record did not, and the filter box works. A screenshot is saved as
# build/test-output/render.png for people to look at.
#
# Needs chromium (`make test-deps` installs it). When it is missing and cannot be
# installed, prints "SKIP: …" and exits 77: skipped, never passed.
set -u
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
fixtures=$root/tests/fixtures/render
out=$root/build/test-output
: "${BIN:=$root/bin}"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	sh "$root/tests/deps.sh" chromium >/dev/null 2>&1
	browser=$(command -v chromium || true)
fi
if [ -z "$browser" ]; then
	echo "SKIP: render-browser: chromium is not installed and could not be installed (make test-deps)"
	exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
fail=0
check() { # WHAT GOT WANT
	if [ "$2" = "$3" ]; then echo "ok   $1"; else
		echo "FAIL $1: got [$2], want [$3]"; fail=1; fi
}
chrome() { # ARGS... (a fresh profile each time, nothing from the network)
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --disable-extensions --user-data-dir="$tmp/profile-$RANDOM" \
		"$@" 2>>"$tmp/chromium.log"
}

"$BIN/zeef" render --title "Zeef test" "$fixtures/news.jsonl" "$fixtures/hostile.jsonl" \
	"$fixtures/bad-spans.jsonl" >"$tmp/page.html" 2>"$tmp/render.err"
check "zeef render exit status" "$?" 0

chrome --dump-dom "file://$tmp/page.html" >"$tmp/dom.html"
if ! grep -q '</html>' "$tmp/dom.html"; then
	echo "FAIL chromium did not load the page:"; tail -5 "$tmp/chromium.log"; exit 1
fi
# The documents as the browser parsed them (the legend in <nav> has samples).
sed -n '/<main>/,/<\/main>/p' "$tmp/dom.html" >"$tmp/main.html"

# What the records say (the fixtures' spans are all valid but bad-spans').
good=("$fixtures/news.jsonl" "$fixtures/hostile.jsonl")
want_entities=$(jq -s '[.[].entities | length] | add' "${good[@]}")
want_quotes=$(jq -s '[.[].quotes | length] | add' "${good[@]}")
want_speakers=$(jq -r '.quotes | sort_by(.start)[] | .speaker.name // .speaker.text // "unattributed"' \
	"${good[@]}" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')
# bad-spans draws only its 3 valid entities and 1 of its 2 quotes.
want_entities=$((want_entities + 3)) want_quotes=$((want_quotes + 1))

check "documents" "$(grep -c '<article class="doc"' "$tmp/main.html")" 4
check "documents in the list" "$(grep -c '<li><a href="#d[0-9]*">' "$tmp/dom.html")" 4
check "entity highlights" "$(grep -o '<mark class="e e-[A-Za-z]*" data-e=' "$tmp/main.html" | wc -l)" \
	"$want_entities"
check "entity type labels" "$(grep -o '<span class="t">[^<]*</span></mark>' "$tmp/main.html" |
	wc -l)" "$want_entities"
check "quotes" "$(grep -o '<span class="q" id=' "$tmp/main.html" | wc -l)" "$want_quotes"
got_speakers=$(grep -o '<span class="who[^"]*">[^<]*' "$tmp/main.html" | sed 's/.*">//' |
	grep -v '^Sanne Bakker$')
check "speaker labels, in order" "$got_speakers" "$want_speakers"
check "persons coloured as persons" "$(grep -o '<mark class="e e-PER"[^>]*>[^<]*' "$tmp/main.html" |
	sed 's/.*>//' | sort -u | tr '\n' ,)" "Bakker,Eva van Dijk,Jan,Noor de Boer,Piet,Pieter Jansen,René Smit,Sanne Bakker,"

# The page's own script ran: it marks <html data-ready="1">.
check "page script ran" "$(grep -c '<html data-ready="1"' "$tmp/dom.html")" 1
# The record's script did not: it would have set the title and data-pwned.
check "title untouched" "$(grep -o '<title>[^<]*</title>' "$tmp/dom.html")" "<title>Zeef test</title>"
check "no data-pwned attribute" "$(grep -c 'data-pwned=' "$tmp/dom.html")" 0
check "one script element" "$(grep -o '<script' "$tmp/dom.html" | wc -l)" 1
check "no img element" "$(grep -c '<img' "$tmp/dom.html")" 0
check "the smuggled script shown as text" \
	"$(grep -c "Het script &lt;script&gt;document.title='pwned'" "$tmp/main.html")" 1

# The filter box, filled from the link (#q=…): only the matching document
# stays, in the page and in the document list.
chrome --dump-dom "file://$tmp/page.html#q=Maasvlakte" >"$tmp/filtered.html"
check "filter keeps the matching document" \
	"$(grep -o '<article class="doc" id="d[0-9]*">' "$tmp/filtered.html" | tr -d '\n')" \
	'<article class="doc" id="d2">'
check "filter hides the others" "$(grep -c '<article class="doc" id="d[0-9]*" hidden="">' \
	"$tmp/filtered.html")" 3
check "filter hides their list entries" "$(grep -c '<li hidden="">' "$tmp/filtered.html")" 3
check "filter count" "$(grep -o '<span id="shown">[^<]*' "$tmp/filtered.html")" '<span id="shown">1 of 4'

# A screenshot of the news page, for people (and the README).
"$BIN/zeef" render "$fixtures/news.jsonl" >"$tmp/news.html"
rm -f "$out/render.png"
chrome --hide-scrollbars --window-size=1400,1000 --screenshot="$out/render.png" \
	"file://$tmp/news.html" >/dev/null
check "screenshot written" "$(head -c 8 "$out/render.png" 2>/dev/null | od -An -c | tr -d ' ')" \
	'211PNG\r\n032\n'
[ -f "$out/render.png" ] && echo "screenshot: $out/render.png"

if [ "$fail" != 0 ]; then
	echo "chromium log:"; tail -5 "$tmp/chromium.log"
	echo "render stderr:"; cat "$tmp/render.err"
fi
exit "$fail"
