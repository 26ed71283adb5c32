#!/usr/bin/env bash
# zeef run --stats: a row per stage with records and bytes in and out, CPU,
# wall and peak memory; the progress line only on a terminal or when asked.
. "$(dirname "$0")/zeef-lib.bash"

make_input "$tmp/in" 4000
records=$(awk NF "$tmp/in" | wc -l)
pipeline "$tmp/p.yaml" \
	"{run: stand-in, name: first, env: {STAND_IN_NAME: first}}" \
	"{run: stand-in, name: second, workers: 2, env: {STAND_IN_NAME: second}}"
z run --stats "$tmp/p.yaml" < "$tmp/in" > "$tmp/out" 2> "$tmp/err" || fail "run --stats exited $?"
STAND_IN_NAME=first stand-in < "$tmp/in" > "$tmp/1"
STAND_IN_NAME=second stand-in < "$tmp/1" > "$tmp/2"
cmp -s "$tmp/out" "$tmp/2" || fail "--stats changed the output"
head -1 "$tmp/err" | grep -q '^#  *stage  *records-in  *records-out  *bytes-in  *bytes-out  *cpu-s  *wall-s  *rss-MiB$' ||
	fail "stats header: $(head -1 "$tmp/err")"
# row: NN NAME [(xN)] records-in records-out bytes-in bytes-out cpu wall rss
read -r _ name rin rout bin bout _ < <(sed -n 2p "$tmp/err")
[ "$name $rout $bout" = "first $records $(wc -c < "$tmp/1")" ] || fail "first row: $(sed -n 2p "$tmp/err")"
[ "$bin" = "$(wc -c < "$tmp/in")" ] || fail "first row bytes in: $bin"
read -r _ name workers rin rout bin bout cpu wall rss < <(sed -n 3p "$tmp/err")
[ "$name $workers $rin $rout $bin $bout" = "second (x2) $records $records $(wc -c < "$tmp/1") $(wc -c < "$tmp/2")" ] ||
	fail "second row: $(sed -n 3p "$tmp/err")"
awk -v r="$rss" 'BEGIN { exit !(r > 0) }' || fail "no peak RSS: $rss"
[ "$(wc -l < "$tmp/err")" -eq 3 ] || fail "stderr has more than the table: $(cat "$tmp/err")"
pass "--stats rows count records and bytes per stage"

# FILE arguments go to the first stage; its bytes-in is their size.
head -n 100 "$tmp/in" > "$tmp/a.jsonl"; sed -n 101,250p "$tmp/in" > "$tmp/b.jsonl"
z run --stats "$tmp/p.yaml" "$tmp/a.jsonl" "$tmp/b.jsonl" < /dev/null > "$tmp/out" 2> "$tmp/err" || fail "run FILE… exited $?"
cat "$tmp/a.jsonl" "$tmp/b.jsonl" | STAND_IN_NAME=first stand-in | STAND_IN_NAME=second stand-in > "$tmp/want"
cmp -s "$tmp/out" "$tmp/want" || fail "FILE arguments were not read by the first stage"
sed -n 2p "$tmp/err" | grep -q "^1  *first  *2 files  *$(awk NF "$tmp/a.jsonl" "$tmp/b.jsonl" | wc -l)  *$(cat "$tmp/a.jsonl" "$tmp/b.jsonl" | wc -c) " ||
	fail "stats with files: $(sed -n 2p "$tmp/err")"
cp "$tmp/a.jsonl" "$tmp/-a.jsonl"
(cd "$tmp" && z run p.yaml -- -a.jsonl < /dev/null > "$tmp/out") || fail "a FILE named -a.jsonl: status $?"
STAND_IN_NAME=first stand-in "$tmp/a.jsonl" | STAND_IN_NAME=second stand-in | cmp -s - "$tmp/out" ||
	fail "a FILE named -a.jsonl was not read as a file"
pass "FILE arguments go to the first stage, even one named -a.jsonl"

# Progress: never into a pipe or file by default; --progress=always forces it.
z run "$tmp/p.yaml" < "$tmp/in" > /dev/null 2> "$tmp/err"
[ ! -s "$tmp/err" ] || fail "progress or noise on a non-terminal stderr: $(head -c 200 "$tmp/err")"
pipeline "$tmp/slow.yaml" "{run: stand-in}" "{run: sh, args: [-c, 'sleep 0.7; cat']}"
z run --progress=always "$tmp/slow.yaml" < "$tmp/in" > /dev/null 2> "$tmp/err"
grep -q 'zeef: [0-9]* records, [0-9]* records/s, [0-9.]* MB/s' "$tmp/err" || fail "no progress line: $(head -c 200 "$tmp/err" | od -c | head -3)"
z run --progress=never --stats "$tmp/slow.yaml" < "$tmp/in" > /dev/null 2> "$tmp/err"
grep -q 'records/s' "$tmp/err" && fail "--progress=never printed progress"
if command -v script >/dev/null; then
	script -qec "zeef run $tmp/slow.yaml < $tmp/in > /dev/null" /dev/null > "$tmp/tty" 2>&1 || true
	grep -q 'records/s' "$tmp/tty" || fail "no progress on a terminal: $(head -c 200 "$tmp/tty")"
fi
pass "progress only on a terminal, or with --progress=always"
finish
