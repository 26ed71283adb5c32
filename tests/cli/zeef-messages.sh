#!/usr/bin/env bash
# zeef's own messages (issue 15, items 4 and 5; issue 17, item 6):
#   - what they quote (file names, YAML keys, stage names, record ids,
#     options) is escaped: \n \t \\ and \xHH for other control bytes, so
#     that a quoted newline cannot forge a line ("zeef: all good") and no
#     escape sequence reaches the terminal
#   - a failed write of zeef's own output (show, list, check, --help,
#     --version, score, render) says "write error: No space left on
#     device" and exits 74
#   - --version reads as the filters' does; --help lists each exit status
#     once; an unknown pipeline name gets a "did you mean"
. "$(dirname "$0")/zeef-lib.bash"
cd "$tmp"

# no_raw_controls WHAT FILE: FILE has no control byte but \n
no_raw_controls() {
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$2"; then
		fail "$1: a raw control character in: $(od -c "$2" | head -5)"
	fi
}
# one_line_each WHAT FILE N: FILE has exactly N lines, none forged
one_line_each() {
	[ "$(wc -l < "$2")" -eq "$3" ] || fail "$1: $(wc -l < "$2") lines, want $3: $(cat "$2")"
	grep -q '^zeef: all good' "$2" && fail "$1: a forged line: $(cat "$2")"
	no_raw_controls "$1" "$2"
}

forge=$'x\nzeef: all good\t\e[2J'
# A pipeline file whose name holds a newline, a tab and an escape sequence.
printf 'zeef: 1\nstages:\n  - {run: cat, agrs: [x]}\n' > "$forge.yaml"
rc=0; zeef check "$forge.yaml" > /dev/null 2> err || rc=$?
[ $rc -eq 65 ] || fail "check of a bad pipeline: status $rc"
one_line_each "a file name with a newline" err 1
grep -qF 'x\nzeef: all good\t\x1b[2J.yaml:3:16: unknown key' err || fail "file name escaping: $(cat err)"
rc=0; zeef run "$forge" > /dev/null 2> err || rc=$?
[ $rc -eq 66 ] || fail "run of a missing pipeline: status $rc"
one_line_each "no pipeline named with a newline" err 1

# A YAML key, and a stage whose default name (its program's base name) hold them.
printf 'zeef: 1\n"a\\nzeef: all good\\e": 1\nstages:\n  - run: cat\n' > key.yaml
rc=0; zeef check key.yaml > /dev/null 2> err || rc=$?
one_line_each "a YAML key with a newline" err 1
grep -qF "unknown key 'a\\nzeef: all good\\x1b'" err || fail "key escaping: $(cat err)"
mkdir -p bin
printf '#!/bin/sh\ncat >/dev/null\nexit 3\n' > "bin/$forge"
chmod +x "bin/$forge"
printf 'zeef: 1\nstages:\n  - run: cat\n  - run: "%s/bin/x\\nzeef: all good\\t\\e[2J"\n' "$tmp" > stage.yaml
rc=0; echo '{"id":"a","text":"t"}' | zeef run stage.yaml > /dev/null 2> err || rc=$?
[ $rc -eq 3 ] || fail "a failing stage with a newline in its name: status $rc: $(cat err)"
one_line_each "a stage name with a newline" err 1
grep -qF "zeef: stage 'x\\nzeef: all good\\t\\x1b[2J' (2 of 2) exited with status 3" err || fail "stage name: $(cat err)"
# an option
rc=0; zeef run --"$forge" stage.yaml > /dev/null 2> err || rc=$?
[ $rc -eq 64 ] || fail "a bad option: status $rc"
one_line_each "an unknown option with a newline" err 2
pass "file names, YAML keys, stage names and options are escaped in messages"

# Record ids in zeef score and zeef render messages.
printf '{"id":"x\\nzeef: all good\\u001b[2J","text":"Een. Twee.","sentences":[{"start":0,"end":4}]}\n' > dup.jsonl
cat dup.jsonl dup.jsonl > dup2.jsonl
rc=0; zeef score sentences dup.jsonl dup2.jsonl > /dev/null 2> err || rc=$?
[ $rc -eq 65 ] || fail "score sentences with a doubled id: status $rc: $(cat err)"
one_line_each "score: an id with a newline" err 1
grep -qF 'id=x\nzeef: all good\x1b[2J appears twice' err || fail "score id: $(cat err)"
printf '{"id":"x\\nzeef: all good\\u001b[2J","text":"Een. Twee.","sentences":[{"start":0,"end":99}]}\n' > span.jsonl
rc=0; zeef render span.jsonl > /dev/null 2> err || rc=$?
one_line_each "render: an id with a newline" err 1
grep -qF 'id=x\nzeef: all good\x1b[2J: ' err || fail "render id: $(cat err)"
pass "record ids are escaped in zeef score and zeef render messages"

# A full disk: every command that prints says so, status 74.
if [ -w /dev/full ]; then
	printf 'zeef: 1\nstages:\n  - run: cat\n' > ok.yaml
	printf '{"id":"a","text":"t","sentences":[{"start":0,"end":1}]}\n' > s.jsonl
	for cmd in "show ok.yaml" "show --parallel ok.yaml" "list" "check -q ok.yaml" "check ok.yaml" \
	           "--help" "--version" "run --describe ok.yaml" "score --help" "score sentences --help" \
	           "score sentences s.jsonl s.jsonl" "render --help" "render --version"; do
		rc=0; zeef $cmd > /dev/full 2> err || rc=$?
		if [ "$cmd" = "check -q ok.yaml" ] || [ "$cmd" = "run --describe ok.yaml" ]; then
			continue   # nothing to write (-q), or cat does not describe itself (65)
		fi
		[ $rc -eq 74 ] || fail "zeef $cmd > /dev/full: status $rc"
		grep -q '^zeef[a-z ]*: write error: No space left on device$' err ||
			fail "zeef $cmd > /dev/full: $(cat err)"
	done
	pass "a full disk: zeef show, list, check, --help, --version, score and render say 'write error', exit 74"
fi

# --version as the filters print it; --help names each exit status once.
if [ -x "$BIN/normalize" ]; then
	want=$(normalize --version | head -1 | sed 's/^normalize /zeef /')
	[ "$(zeef --version)" = "$want" ] || fail "zeef --version: '$(zeef --version)', filters: '$want'"
	[ "$(zeef render --version)" = "$want" ] || fail "zeef render --version: '$(zeef render --version)'"
fi
zeef --help | awk '/^Exit status:/ { on = 1; next } on && /^$/ { on = 0 } on && $1 ~ /^[0-9]+$/ { print $1 }' > codes
[ -s codes ] || fail "--help: no exit statuses found"
[ -z "$(sort codes | uniq -d)" ] || fail "--help lists exit status $(sort codes | uniq -d | tr '\n' ' ')more than once"
pass "--version reads 'zeef (Zeef) VERSION' as the filters' does; --help lists each exit status once"

# An unknown pipeline name: the nearest one is suggested.
mkdir -p pipelines
printf 'zeef: 1\nstages:\n  - run: cat\n' > pipelines/nl-news.yaml
rc=0; zeef run nl-nws < /dev/null > /dev/null 2> err || rc=$?
[ $rc -eq 66 ] || fail "zeef run nl-nws: status $rc"
grep -q "^zeef: no pipeline 'nl-nws' .*; did you mean 'nl-news'?$" err || fail "did you mean: $(cat err)"
rc=0; zeef run qqqqqqqq < /dev/null > /dev/null 2> err || rc=$?
grep -q "did you mean" err && fail "a name near nothing got a suggestion: $(cat err)"
pass "zeef run nl-nws suggests nl-news"
finish
