#!/usr/bin/env bash
# summarize-fields.sh — summarize and the upstream fields it reads (issue
# 15.3):
#   - "entities" and "quotes" that are not arrays of in-order spans within
#     the text, or entities whose "sentence" is no sentence, are bad input:
#     exit 65 with a message naming the field; with --on-error=skip the
#     records around the bad one still come out
#   - time is linear in a "quotes" field whose quotations each cover every
#     sentence: 4 times the sentences and quotations take at most
#     TIME_RATIO (default 6) times as long (linear: 4; the reader this
#     replaced took 16 times as long), in CPU time, the least of 3 runs
#   - peak memory on a 7 MB record of long sentences, all quoted, is at most
#     RSS_FACTOR (default 10) times the record beyond the peak on a tiny one
#   Under ASan (BIN is build/san/bin) the factors are doubled.
set -u
export LC_ALL=C
san=1; [[ $BIN == */san/bin ]] || san=0
TIME_RATIO=${TIME_RATIO:-$((6 * (1 + san)))}
RSS_FACTOR=${RSS_FACTOR:-$((10 * (1 + san)))}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# --- malformed fields ------------------------------------------------------
text='De raad stemde dinsdag in. Het plan kost 2 miljoen euro. Wethouder Smit is blij.'
sents='[{"start":0,"end":26,"text":"De raad stemde dinsdag in."},{"start":27,"end":56,"text":"Het plan kost 2 miljoen euro."},{"start":57,"end":80,"text":"Wethouder Smit is blij."}]'
good="{\"id\":\"goed\",\"text\":\"$text\",\"sentences\":$sents}"
check_bad() { # FIELD VALUE WHAT
	local rec="{\"id\":\"fout\",\"text\":\"$text\",\"sentences\":$sents,\"$1\":$2}"
	printf '%s\n%s\n%s\n' "$good" "$rec" "$good" >"$tmp/in.jsonl"
	"$BIN/summarize" <"$tmp/in.jsonl" >"$tmp/out" 2>"$tmp/err"; local rc=$?
	if [ "$rc" -ne 65 ] || [ "$(wc -l <"$tmp/out")" -ne 1 ] ||
		! grep -q "summarize: <stdin>:2: id=fout: .*\"$1\"" "$tmp/err"; then
		fail "$3: exit $rc, $(wc -l <"$tmp/out") records out (want 65 after 1, a message naming \"$1\"): $(head -1 "$tmp/err")"
	fi
	"$BIN/summarize" --on-error=skip <"$tmp/in.jsonl" >"$tmp/out" 2>"$tmp/err"; rc=$?
	if [ "$rc" -ne 0 ] || [ "$(grep -c '"summary"' "$tmp/out")" -ne 2 ]; then
		fail "$3 with --on-error=skip: exit $rc, $(wc -l <"$tmp/out") records out (want 2)"
	fi
}
check_bad entities '{"start":0}' "entities not an array"
check_bad entities '[{"start":0,"end":2},7]' "an entity not an object"
check_bad entities '[{"start":3,"end":"7"}]' "an entity end not an integer"
check_bad entities '[{"start":70,"end":90}]' "an entity past the end of the text"
check_bad entities '[{"start":9,"end":4}]' "an entity ending before its start"
check_bad entities '[{"start":30,"end":33},{"start":3,"end":7}]' "entities out of order"
check_bad entities '[{"start":3,"end":7,"sentence":3}]' "an entity in sentence 3 of 3"
check_bad quotes '"geen"' "quotes not an array"
check_bad quotes '[{"start":-1,"end":5}]' "a quote starting before the text"
check_bad quotes '[{"start":0,"end":81}]' "a quote past the end of the text"
check_bad quotes '[{"start":40,"end":50},{"start":0,"end":10}]' "quotes out of order"
# The well-formed fields are read: a quote over the first sentence.
printf '%s\n' "{\"id\":\"q\",\"text\":\"$text\",\"sentences\":$sents,\"quotes\":[{\"start\":0,\"end\":26},{\"start\":0,\"end\":80}],\"entities\":[{\"start\":67,\"end\":71,\"sentence\":2}]}" |
	"$BIN/summarize" >"$tmp/out" 2>"$tmp/err" || fail "well-formed fields: exit $?: $(head -1 "$tmp/err")"
grep -q '"summary":{"sentences":\[' "$tmp/out" || fail "well-formed fields: no summary"

# --- linear time in long quotations ------------------------------------------
# N sentences, and 2N quotations that each cover the whole text.
make_record() { # N REPEATS: sentences of about 25 (REPEATS 0) or 300 (2) characters
	awk -v n="$1" -v reps="$2" 'BEGIN {
		base = "gaat over de stad en de mensen die er wonen, werken en naar school gaan, over de nieuwe brug en over de plannen van de gemeenteraad voor de haven"
		tail = "gaat over de stad"
		for (r = 1; r <= reps; r++) tail = tail ", " base
		printf "{\"id\":\"lang\",\"text\":\""
		for (i = 0; i < n; i++) printf "%sZin %d %s.", (i ? " " : ""), i, tail
		printf "\",\"sentences\":["
		pos = 0
		for (i = 0; i < n; i++) {
			s = "Zin " i " " tail "."
			printf "%s{\"start\":%d,\"end\":%d,\"text\":\"%s\"}", (i ? "," : ""), pos, pos + length(s), s
			pos += length(s) + 1
		}
		printf "],\"quotes\":["
		for (i = 0; i < 2 * n; i++) printf "%s{\"start\":0,\"end\":%d}", (i ? "," : ""), pos - 1
		printf "]}\n"
	}'
}
cpu_time() { # FILE: the least CPU time (s) of 3 runs
	local best="" t
	for _ in 1 2 3; do
		/usr/bin/time -f '%U %S' -o "$tmp/time" "$BIN/summarize" <"$1" >/dev/null 2>"$tmp/err" ||
			{ fail "summarize on $(basename "$1"): $(tail -1 "$tmp/err")"; echo 1; return; }
		t=$(awk '{ print $1 + $2 }' "$tmp/time")
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
	done
	echo "$best"
}
make_record 5000 0 >"$tmp/small.jsonl"
make_record 20000 0 >"$tmp/large.jsonl"
t1=$(cpu_time "$tmp/small.jsonl")
t4=$(cpu_time "$tmp/large.jsonl")
if ! awk -v a="$t1" -v b="$t4" -v r="$TIME_RATIO" 'BEGIN { exit !(b <= r * (a > 0.01 ? a : 0.01)) }'; then
	fail "4 times the sentences and quotations took ${t4}s against ${t1}s: more than $TIME_RATIO times (not linear)"
fi
echo "time: ${t1}s for 5000 sentences and 10000 quotations, ${t4}s for four times that"

# --- memory ---------------------------------------------------------------------
peak_kb() { # FILE
	/usr/bin/time -f '%M' -o "$tmp/rss" "$BIN/summarize" <"$1" >/dev/null 2>"$tmp/err" ||
		fail "summarize on $(basename "$1"): $(tail -1 "$tmp/err")"
	tail -1 "$tmp/rss"
}
printf '%s\n' "$good" >"$tmp/tiny.jsonl"
make_record 10000 2 >"$tmp/big.jsonl"
base=$(peak_kb "$tmp/tiny.jsonl")
peak=$(peak_kb "$tmp/big.jsonl")
bytes=$(stat -c %s "$tmp/big.jsonl")
if ! [[ $base =~ ^[0-9]+$ && $peak =~ ^[0-9]+$ ]]; then
	fail "/usr/bin/time reported no peak RSS"
elif [ $(((peak - base) * 1024)) -gt $((RSS_FACTOR * bytes)) ]; then
	fail "peak RSS $((peak / 1024)) MiB on a $((bytes / 1000000)) MB record ($((base / 1024)) MiB on a tiny one): more than $RSS_FACTOR times the record"
fi
echo "memory: $((peak / 1024)) MiB on a $((bytes / 1000000)) MB record, $((base / 1024)) MiB on a tiny one"

if [ "$fails" -eq 0 ]; then echo "summarize-fields: 1 passed, 0 failed"; else echo "summarize-fields: 0 passed, 1 failed"; exit 1; fi
