#!/usr/bin/env bash
# summarize-data.sh — summarize with an edited copy of its language data
# (--data DIR): a malformed word list or model is the user's file, not an
# internal error, so summarize ends at start-up with exit 66 and a message
# "summarize: FILE:LINE: ..." that names the file in DIR and the bad line
# (summarize exited 70 with "cannot start: internal error" before); in
# training mode too. A well-formed copy is used: a model whose weights all
# favour the last sentence changes the summary.
set -u
export LC_ALL=C
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
lang=$(cd "$(dirname "$0")/../../common/lang/nl" && pwd)
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
printf '%s\n' '{"id":"a","text":"De raad stemde dinsdag in met het plan. Het plan kost 2 miljoen euro. Wethouder Smit is blij met de steun van de raad."}' >"$tmp/in.jsonl"

check_bad() { # FILE LINE WHAT: DIR/FILE (made by the caller) is bad at LINE
	local rc
	"$BIN/summarize" --data="$tmp/d" <"$tmp/in.jsonl" >"$tmp/out" 2>"$tmp/err"; rc=$?
	if [ "$rc" -ne 66 ] || ! grep -qF "summarize: $tmp/d/$1:$2: " "$tmp/err" || [ -s "$tmp/out" ]; then
		fail "$3: exit $rc (want 66), message '$(head -1 "$tmp/err")' (want $tmp/d/$1:$2), $(wc -l <"$tmp/out") lines out"
	fi
	printf '%s\n' '{"id":"a","text":"Een. Twee.","references":[{"pick":[0],"text":"Een."}]}' \
		'{"id":"b","text":"Drie. Vier.","references":[{"pick":[1],"text":"Vier."}]}' >"$tmp/train.jsonl"
	"$BIN/summarize" --train --data="$tmp/d" "$tmp/train.jsonl" >/dev/null 2>"$tmp/err"; rc=$?
	[ "$rc" -eq 66 ] || fail "$3, in training mode: exit $rc (want 66): $(head -1 "$tmp/err")"
	rm -rf "$tmp/d"
}

mkdir "$tmp/d"; sed 's/^weight depth .*/weight depth heavy/' "$lang/summary-model.txt" >"$tmp/d/summary-model.txt"
line=$(grep -n '^weight depth' "$tmp/d/summary-model.txt" | cut -d: -f1)
check_bad summary-model.txt "$line" "a model weight that is no number"
mkdir "$tmp/d"; printf 'zeef-summary-model 1\nweight loudness 1\n' >"$tmp/d/summary-model.txt"
check_bad summary-model.txt 2 "a model weight of an unknown feature"
mkdir "$tmp/d"; printf '# classes\nhij personal\n\nzij personal female\n' >"$tmp/d/summary-word-classes.txt"
check_bad summary-word-classes.txt 4 "a word class that does not exist"
mkdir "$tmp/d"; printf '@units 100\n3 raad\nplan 2\n' >"$tmp/d/summary-df.txt"
check_bad summary-df.txt 3 "a document frequency line without its count first"
mkdir "$tmp/d"; printf '3 raad\n@units 100\n' >"$tmp/d/summary-df.txt"
check_bad summary-df.txt 1 "a document frequency before the number of units"
mkdir "$tmp/d"; printf '@units 100\n3 raad\n101 plan\n' >"$tmp/d/summary-df.txt"
check_bad summary-df.txt 3 "a document frequency above the number of units"

# A well-formed copy is read: every weight but position_feature and
# position_news 0, and those negative, so the last sentences win.
mkdir "$tmp/d"
awk '/^weight / { $3 = ($2 ~ /^position_/) ? -1 : 0 } /^short_news / { $2 = 0 } { print }' \
	"$lang/summary-model.txt" >"$tmp/d/summary-model.txt"
"$BIN/summarize" --sentences 1 <"$tmp/in.jsonl" >"$tmp/built-in" || fail "built-in model: exit $?"
"$BIN/summarize" --sentences 1 --data="$tmp/d" <"$tmp/in.jsonl" >"$tmp/edited" 2>"$tmp/err" ||
	fail "an edited, well-formed model: exit $?: $(head -1 "$tmp/err")"
grep -q '"sentences":\[0\]' "$tmp/built-in" || fail "built-in model does not take the lead: $(cat "$tmp/built-in")"
grep -q '"sentences":\[0\]' "$tmp/edited" && fail "the edited model was not used: $(cat "$tmp/edited")"

if [ "$fails" -eq 0 ]; then echo "summarize-data: 1 passed, 0 failed"; else echo "summarize-data: 0 passed, 1 failed"; exit 1; fi
