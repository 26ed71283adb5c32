#!/usr/bin/env bash
# honest-errors.sh — what a filter says about bad input, and where plain text
# goes (common/README.md, "Exit codes and errors"):
#   - ids and file names in messages are escaped: an id holding "\n" cannot
#     forge a line of its own, an escape byte never reaches the terminal;
#   - a line that is not valid UTF-8 is named with the id it has;
#   - raw control characters inside JSON strings are not JSON;
#   - running out of memory while reading is exit 70 "out of memory" with
#     file and line (not a read error, 74);
#   - --data opens only regular files: a FIFO is refused at once (66);
#   - plain text on standard input becomes one document in normalize (and so
#     in `zeef run`), with a note; a JSON Lines filter given plain text,
#     pretty-printed JSON or a JSON array says what it expects and how to
#     get there; a .json FILE holding JSON Lines is read as records.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export LC_ALL=C
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# 1. An id that would forge a line, and one with an escape byte.
printf '{"id":"a\\nzeef: all good","text":1}\n{"id":"b\\u001b[31mred","text":2}\n' >"$tmp/ids.jsonl"
for f in normalize split-sentences tag-entities extract-quotes summarize; do
	"$BIN/$f" --on-error=skip <"$tmp/ids.jsonl" >/dev/null 2>"$tmp/err"
	if [ "$(wc -l <"$tmp/err")" -eq 2 ] && grep -q '^'"$f"': <stdin>:1: id=a\\nzeef: all good: ' "$tmp/err" &&
		grep -q 'id=b\\x1b\[31mred: ' "$tmp/err" && ! grep -q "$(printf '\033')" "$tmp/err"; then
		ok "$f escapes ids in messages"
	else
		fail "$f: ids not escaped: $(od -c "$tmp/err" | head -5)"
	fi
done

# 2. Invalid UTF-8 still names the record's id.
printf '{"id":"u1","text":"caf\xe9"}\n' | "$BIN/split-sentences" >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" -eq 65 ] && grep -qx 'split-sentences: <stdin>:1: id=u1: invalid UTF-8' "$tmp/err" &&
	ok "invalid UTF-8 names the id" || fail "invalid UTF-8: rc $rc: $(cat "$tmp/err")"

# 3. Raw control characters in a string are not JSON.
printf '{"id":"c","text":"a\tb"}\n' | "$BIN/split-sentences" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 65 ] && [ ! -s "$tmp/out" ] && grep -q 'control character' "$tmp/err" &&
	ok "a raw tab in a string is bad input" || fail "raw control character: rc $rc: $(cat "$tmp/err")"

# 4. Out of memory while reading a long line: 70, not a read error.
head -c 30000000 /dev/zero | tr '\0' a | sed 's/^/{"id":"big","text":"/; s/$/"}/' >"$tmp/big.jsonl"
(ulimit -v 80000; "$BIN/split-sentences" <"$tmp/big.jsonl" >/dev/null 2>"$tmp/err"); rc=$?
if [[ $BIN == */san/bin ]]; then
	ok "out of memory while reading: not tried under ASan (its shadow memory needs the address space)"
elif [ "$rc" -eq 70 ] && grep -Eq '^split-sentences: <stdin>:1: (id=big: )?out of memory$' "$tmp/err"; then
	ok "out of memory while reading: exit 70 with file and line"
else
	fail "out of memory while reading: rc $rc: $(cat "$tmp/err")"
fi

# 5. --data opens regular files only.
mkdir "$tmp/data"; mkfifo "$tmp/data/abbreviations.txt"
echo '{"text":"Een."}' | timeout 10 "$BIN/split-sentences" --data "$tmp/data" >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" -eq 66 ] && grep -q 'abbreviations.txt: cannot open: not a regular file' "$tmp/err" &&
	ok "--data refuses a FIFO" || fail "--data with a FIFO: rc $rc: $(cat "$tmp/err")"

# 6. Plain text where users put it.
art=$root/tests/samples/01-navo-top.txt
"$BIN/normalize" <"$art" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 0 ] && [ "$(wc -l <"$tmp/out")" -eq 1 ] && [ "$(jq -r .id "$tmp/out")" = stdin ] &&
	grep -q 'not JSON Lines: read as one plain-text document' "$tmp/err" &&
	ok "normalize < article.txt gives one record, with a note" || fail "normalize < text: rc $rc: $(cat "$tmp/err")"
cmp -s <("$BIN/normalize" --text <"$art" | jq -c .text) <(jq -c .text "$tmp/out") &&
	ok "... the same text as --text" || fail "normalize < text differs from --text"
"$BIN/normalize" --text <"$art" >/dev/null 2>"$tmp/err"
[ ! -s "$tmp/err" ] && ok "--text: no note" || fail "--text printed: $(cat "$tmp/err")"
cat "$art" | "$BIN/zeef" run nl-news >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 0 ] && [ "$(wc -l <"$tmp/out")" -eq 1 ] && [ "$(jq '.quotes | length' "$tmp/out")" -gt 0 ] &&
	ok "cat article.txt | zeef run nl-news gives one record" || fail "zeef run on plain text: rc $rc: $(cat "$tmp/err")"
for f in split-sentences tag-entities extract-quotes summarize; do
	"$BIN/$f" <"$art" >/dev/null 2>"$tmp/err"; rc=$?
	[ "$rc" -eq 65 ] && grep -q "^$f: hint: plain text? .*normalize" "$tmp/err" &&
		ok "$f on plain text says to use normalize" || fail "$f on plain text: rc $rc: $(cat "$tmp/err")"
done
printf '{\n  "id": "p",\n  "text": "Een."\n}\n' | "$BIN/split-sentences" >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" -eq 65 ] && grep -q "hint: pretty-printed JSON?.*jq -c \." "$tmp/err" &&
	ok "pretty-printed JSON: a hint to jq -c" || fail "pretty-printed JSON: rc $rc: $(cat "$tmp/err")"
printf '[{"id":"p","text":"Een."}]\n' | "$BIN/split-sentences" >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" -eq 65 ] && grep -q "hint: a JSON array?.*jq -c '\.\[\]'" "$tmp/err" &&
	ok "a JSON array: a hint to jq -c '.[]'" || fail "JSON array: rc $rc: $(cat "$tmp/err")"
printf '{"id":"r1","text":"Een."}\n{"id":"r2","text":"Twee."}\n' >"$tmp/records.json"
"$BIN/normalize" "$tmp/records.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 0 ] && [ "$(jq -r .id "$tmp/out" | tr '\n' ' ')" = "r1 r2 " ] &&
	ok "normalize records.json reads JSON Lines" || fail "records.json: rc $rc: $(cat "$tmp/out" "$tmp/err")"
printf 'Een artikel.\n' >"$tmp/article.json"
"$BIN/normalize" "$tmp/article.json" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 0 ] && [ "$(jq -r .id "$tmp/out")" = article ] &&
	ok "a .json FILE of plain text is a document" || fail "article.json: rc $rc: $(cat "$tmp/err")"

[ "$fails" -eq 0 ] && echo "all passed" || echo "$fails failed"
[ "$fails" -eq 0 ]
