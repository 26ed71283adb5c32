#!/usr/bin/env bash
# `make demo` prints a short summary per sample article that a person reads
# on one screen or two (under 100 lines in all), taken from the records the
# nl-news pipeline writes: title, sentence count, entities by type, quotes
# with speakers, the summary; then where the HTML page is and the command
# that prints the records themselves.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" && sh "$root/tests/demo.sh" "$BIN" >out.txt 2>err || { cat err; exit 1; }
fail=0
no() { echo "FAIL: $*"; fail=1; }
"$BIN/zeef" run "$root/pipelines/nl-news.yaml" "$root"/tests/samples/*.txt >records.jsonl || { echo "FAIL: zeef run"; exit 1; }
samples=$(ls "$root"/tests/samples/*.txt | wc -l)
[ "$(wc -l <records.jsonl)" -eq "$samples" ] || no "$(wc -l <records.jsonl) records for $samples samples"
lines=$(wc -l <out.txt)
[ "$lines" -lt 100 ] || no "the demo prints $lines lines, not under 100"
[ ! -s err ] || no "the demo writes to stderr: $(head -3 err)"
grep -q '^{' out.txt && no "the demo pours JSON onto the terminal"
# Each article: a header with its id and counts, its first sentence, every
# entity type present, its first quote with the speaker, the whole summary.
while read -r rec; do
	id=$(jq -r .id <<<"$rec")
	header="$id$(jq -r 'if .meta.date then " (\(.meta.date))" else "" end' <<<"$rec"): $(jq -r '"\(.sentences|length) sentences, \(.entities|length) entity mentions, \(.quotes|length) quotes"' <<<"$rec")"
	grep -qxF "$header" out.txt || no "$id: no header line '$header'"
	block=$(awk -v h="$header" '$0 == h {on=1; next} on && /^$/ {exit} on' out.txt)
	first=$(jq -r '.sentences[0].text' <<<"$rec")
	grep -qF "${first:0:40}" <<<"$block" || no "$id: the title is not its first sentence"
	for t in $(jq -r '[.entities[].type] | unique[]' <<<"$rec"); do
		label=$(case $t in PER) echo people;; LOC) echo places;; ORG) echo organisations;; MISC) echo "other names";; esac)
		grep -q "^  $label " <<<"$block" || no "$id: no line for entity type $t"
	done
	q=$(jq -r '.quotes[0] | "\(.speaker.name // .speaker.text // "unattributed"): “\(.text[0:30])"' <<<"$rec")
	grep -qF "$q" <<<"$block" || no "$id: the first quote is not shown with its speaker: $q"
	summary=$(jq -r .summary.text <<<"$rec" | tr -s ' \n' '  ')
	shown=$(awk '/^  summary$/ {on=1; next} on' <<<"$block" | sed 's/^ *//' | tr -s ' \n' '  ')
	[ "${shown% }" = "${summary% }" ] || no "$id: the summary shown differs from the record's: '$shown'"
done <records.jsonl
page=$(sed -n 's/^The page: *\(.*\) (open it in a browser)$/\1/p' out.txt)
[ -n "$page" ] && [ -f "$page" ] || no "the demo does not say where the page is ('$page')"
[ -n "$page" ] && [ -f "$page" ] && { grep -q '<html' "$page" && grep -qF "$(jq -r '.id' records.jsonl | head -1)" "$page" || no "$page is not the demo's page"; }
grep -q '^The records: .*zeef run nl-news tests/samples/\*.txt$' out.txt || no "the demo does not say how to get the records"
[ $fail -eq 0 ] && echo "demo: ok ($lines lines)"
exit $fail
