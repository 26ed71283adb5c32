#!/usr/bin/env bash
# pipelines/README.md's "Swapping a stage, end to end, with scoring": a researcher's
# own splitter replaces split-sentences with --replace, both are run on the
# same gold texts with --from/--to, and `zeef score sentences` tells them
# apart. The stand-in splitter calls the whole text one sentence.
. "$(dirname "$0")/zeef-lib.bash"
if [ ! -x "$BIN/split-sentences" ] || ! command -v jq >/dev/null; then
	echo "skip: needs split-sentences and jq"; exit 77
fi
root=$(cd "$here/../.." && pwd)

# Gold: short Dutch news texts written for this test, two sentences each.
cat > "$tmp/gold.jsonl" <<'GOLD'
{"id":"g1","text":"De gemeenteraad stemde dinsdag in met het plan. De bouw begint in maart.","sentences":[{"start":0,"end":47,"text":"De gemeenteraad stemde dinsdag in met het plan."},{"start":48,"end":72,"text":"De bouw begint in maart."}]}
{"id":"g2","text":"Het museum gaat volgend jaar dicht. Er komt een nieuwe vleugel bij.","sentences":[{"start":0,"end":35,"text":"Het museum gaat volgend jaar dicht."},{"start":36,"end":67,"text":"Er komt een nieuwe vleugel bij."}]}
GOLD
jq -e -c '.sentences[] as $s | .text[$s.start:$s.end] == $s.text' "$tmp/gold.jsonl" | grep -qv true &&
	fail "the gold fixture's offsets are wrong"
jq -c '{id, text}' "$tmp/gold.jsonl" > "$tmp/docs.jsonl"
cat > "$tmp/my-splitter" <<'SPLIT'
#!/bin/sh
exec jq -c '.sentences = [{"start": 0, "end": (.text | length), "text": .text}]'
SPLIT
chmod +x "$tmp/my-splitter"

p=$root/pipelines/nl-sentences.yaml
z run --from split-sentences --to split-sentences "$p" < "$tmp/docs.jsonl" > "$tmp/ours.jsonl" ||
	fail "our splitter: status $?"
z run --from split-sentences --to split-sentences --replace "split-sentences=$tmp/my-splitter" \
	"$p" < "$tmp/docs.jsonl" > "$tmp/theirs.jsonl" || fail "--replace splitter: status $?"
[ "$(jq -c '.sentences | length' "$tmp/theirs.jsonl" | tr '\n' ' ')" = "1 1 " ] ||
	fail "the replacement did not run: $(head -c 300 "$tmp/theirs.jsonl")"
ours=$(zeef score sentences --json "$tmp/gold.jsonl" "$tmp/ours.jsonl" | jq '.sentences.f1')
theirs=$(zeef score sentences --json "$tmp/gold.jsonl" "$tmp/theirs.jsonl" | jq '.sentences.f1')
[ "$ours" = 1 ] || fail "split-sentences on two plain sentences: F1 $ours, want 1"
[ "$theirs" = 0 ] || fail "one sentence per text against two: F1 $theirs, want 0"
pass "--replace swaps the splitter; zeef score tells the two apart (F1 $ours vs $theirs)"
finish
