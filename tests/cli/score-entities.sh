#!/usr/bin/env bash
# zeef score entities: conlleval-style counts on CoNLL/IOB and on JSONL,
# the JSON report, and the errors a user meets.
set -u
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok - $1"; else echo "FAIL - $1"; fail=1; fi; }

# gold: [Jan Kok]PER woont in [Gent]LOC . / [De NAVO]ORG ...
printf -- '-DOCSTART- O\n\nJan B-PER\nKok I-PER\nwoont O\nin O\nGent B-LOC\n. O\n\nDe O\nNAVO B-ORG\nvergadert O\n' >"$tmp/gold.iob"
# pred: Jan and Kok split (wrong), Gent right, NAVO as MISC (wrong type), an extra PER
printf -- '-DOCSTART- O\n\nJan B-PER\nKok B-PER\nwoont O\nin O\nGent B-LOC\n. O\n\nDe B-PER\nNAVO B-MISC\nvergadert O\n' >"$tmp/pred.iob"
"$BIN/zeef" score entities "$tmp/gold.iob" "$tmp/pred.iob" >"$tmp/out"; rc=$?
check "IOB: exit 0" '[ $rc -eq 0 ]'
check "IOB: all: 3 gold, 5 predicted, 1 correct" 'grep -Eq "^all +0\.2000 +0\.3333 +0\.2500 +3 +5 +1$" "$tmp/out"'
check "IOB: LOC perfect" 'grep -Eq "^LOC +1\.0000 +1\.0000 +1\.0000 +1 +1 +1$" "$tmp/out"'
check "IOB: ORG missed" 'grep -Eq "^ORG +0\.0000 +0\.0000 +0\.0000 +1 +0 +0$" "$tmp/out"'

"$BIN/zeef" score entities --json "$tmp/gold.iob" "$tmp/pred.iob" >"$tmp/json"; rc=$?
check "--json: one object with f1 and per-type counts" \
	'[ $rc -eq 0 ] && [ "$(jq -r "[.gold,.pred,.correct,.types.PER.pred] | join(\" \")" "$tmp/json")" = "3 5 1 3" ]'

cat >"$tmp/gold.jsonl" <<'J'
{"id":"a","text":"Rutte en Biden in Brussel.","entities":[{"start":0,"end":5,"text":"Rutte","type":"PER","sentence":0},{"start":9,"end":14,"text":"Biden","type":"PER","sentence":0},{"start":18,"end":25,"text":"Brussel","type":"LOC","sentence":0}]}
{"id":"b","text":"Geen namen.","entities":[]}
J
cat >"$tmp/pred.jsonl" <<'J'
{"id":"a","text":"Rutte en Biden in Brussel.","entities":[{"start":0,"end":5,"text":"Rutte","type":"PER","sentence":0},{"start":18,"end":25,"text":"Brussel","type":"ORG","sentence":0}]}
{"id":"b","text":"Geen namen.","entities":[{"start":0,"end":4,"text":"Geen","type":"MISC","sentence":0}]}
J
"$BIN/zeef" score entities "$tmp/gold.jsonl" "$tmp/pred.jsonl" >"$tmp/out"; rc=$?
check "JSONL: exit 0" '[ $rc -eq 0 ]'
check "JSONL: all: 3 gold, 3 predicted, 1 correct" 'grep -Eq "^all +0\.3333 +0\.3333 +0\.3333 +3 +3 +1$" "$tmp/out"'
check "JSONL: PER 2 gold, 1 right" 'grep -Eq "^PER +1\.0000 +0\.5000 +0\.6667 +2 +1 +1$" "$tmp/out"'

sed 's/"id":"b"/"id":"c"/' "$tmp/pred.jsonl" >"$tmp/other.jsonl"
"$BIN/zeef" score entities "$tmp/gold.jsonl" "$tmp/other.jsonl" >/dev/null 2>"$tmp/err"; rc=$?
check "JSONL: records with different ids: exit 65 with a message" '[ $rc -eq 65 ] && grep -q "id c" "$tmp/err"'
head -1 "$tmp/pred.jsonl" >"$tmp/short.jsonl"
"$BIN/zeef" score entities "$tmp/gold.jsonl" "$tmp/short.jsonl" >/dev/null 2>"$tmp/err"; rc=$?
check "JSONL: fewer predicted records: exit 65" '[ $rc -eq 65 ] && grep -q "more records" "$tmp/err"'
"$BIN/zeef" score entities "$tmp/gold.iob" "$tmp/pred.jsonl" >/dev/null 2>"$tmp/err"; rc=$?
check "IOB against JSONL: exit 65" '[ $rc -eq 65 ] && grep -q "both" "$tmp/err"'
"$BIN/zeef" score entities "$tmp/gold.iob" "$tmp/nothing.iob" >/dev/null 2>"$tmp/err"; rc=$?
check "a missing file: exit 66" '[ $rc -eq 66 ]'
"$BIN/zeef" score entities "$tmp/gold.iob" >/dev/null 2>"$tmp/err"; rc=$?
check "one file only: exit 64" '[ $rc -eq 64 ]'
head -3 "$tmp/pred.iob" >"$tmp/cut.iob"
"$BIN/zeef" score entities "$tmp/gold.iob" "$tmp/cut.iob" >/dev/null 2>"$tmp/err"; rc=$?
check "tokens that do not line up: exit 65" '[ $rc -eq 65 ] && grep -q "line up" "$tmp/err"'
"$BIN/zeef" score entities "$tmp/gold.iob" "$tmp/pred.iob" >/dev/full 2>/dev/null; rc=$?
check "stdout is /dev/full: exit 74" '[ $rc -eq 74 ]'
exit $fail
