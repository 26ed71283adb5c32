#!/usr/bin/env bash
# Dev only (not part of make test): ROUGE-1/2 F1 of summarize on the dev
# references in /work/shared/data/summaries (Alpino dev and the seeds):
#   - lead-3, lead with the default length, and the rank method with the
#     shipped model (its training figure: the model was fitted on these);
#   - the same with sentences from the shared splitter, with entities from
#     tag-entities;
#   - cross-validated with the real scorer: for each of CV_FOLDS folds
#     (document i in fold i mod K; default 45, leave-one-out), summarize
#     --train on the other documents (which also chooses the parameters by
#     an inner cross-validation: this is the nested figure), then the
#     held-out documents summarized with that model (--data);
#   - the stand-alone check: no chosen sentence of the dev summaries or of
#     tests/samples opens with a word pointing back (summary-word-classes.txt)
#     unless the sentence before it is chosen too, is a credit line or the
#     caption above one, a byline, or a heading or dateline.
# Gold sentences are fed as the "sentences" field, so that the indices and
# texts match the references. Skips (exit 0) when the data is absent.
# Usage: tests/dev/eval-summary.sh [BINDIR]   (default bin)
#   SCORE="cmd" replaces "BINDIR/zeef score summary"; extra summarize
#   options in SUMMARIZE_ARGS; CV_FOLDS=0 leaves the cross-validation out.
set -eu
data=${ZEEF_DEV_DATA:-/work/shared/data}
bin=${1:-bin}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
if [ ! -d "$data/summaries" ]; then echo "eval-summary: $data absent, skipped"; exit 0; fi
score=${SCORE:-"$bin/zeef score summary"}
folds=${CV_FOLDS:-45}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 "$here/summary-train-data.py" "$data" >"$tmp/train.jsonl"
jq -c 'del(.references, .source)' "$tmp/train.jsonl" >"$tmp/dev.jsonl"
refs="$data/summaries/reference-A.jsonl $data/summaries/reference-B.jsonl"
run() { # NAME SUMMARIZE-ARGS...
	local name=$1; shift
	"$bin/summarize" "$@" <"$tmp/dev.jsonl" >"$tmp/pred.jsonl"
	echo "== $name (summarize $*)"
	# shellcheck disable=SC2086
	$score $refs "$tmp/pred.jsonl"
}
run lead-3 --method lead --sentences 3
run lead --method lead
# shellcheck disable=SC2086
run "rank, the shipped model (training figure)" ${SUMMARIZE_ARGS:-}
cp "$tmp/pred.jsonl" "$tmp/rank.jsonl"
# The same documents without gold sentences: summarize splits them itself.
jq -c 'del(.sentences)' "$tmp/dev.jsonl" >"$tmp/nosent.jsonl"
# shellcheck disable=SC2086
"$bin/summarize" ${SUMMARIZE_ARGS:-} <"$tmp/nosent.jsonl" >"$tmp/pred.jsonl"
echo "== rank, sentences from the shared splitter (summarize ${SUMMARIZE_ARGS:-})"
# shellcheck disable=SC2086
$score $refs "$tmp/pred.jsonl"
"$bin/summarize" --method lead <"$tmp/nosent.jsonl" >"$tmp/pred.jsonl"
echo "== lead, sentences from the shared splitter (the same baseline for the row above)"
# shellcheck disable=SC2086
$score $refs "$tmp/pred.jsonl"
if [ -x "$bin/tag-entities" ]; then
	# shellcheck disable=SC2086
	"$bin/tag-entities" <"$tmp/dev.jsonl" | "$bin/summarize" ${SUMMARIZE_ARGS:-} >"$tmp/pred.jsonl"
	echo "== rank, entities from tag-entities (summarize ${SUMMARIZE_ARGS:-})"
	# shellcheck disable=SC2086
	$score $refs "$tmp/pred.jsonl"
fi

if [ "$folds" -gt 1 ]; then
	n=$(wc -l <"$tmp/train.jsonl")
	: >"$tmp/cv.jsonl"
	for ((f = 0; f < folds; f++)); do
		mkdir -p "$tmp/fold"
		awk -v k="$folds" -v f="$f" '(NR - 1) % k != f' "$tmp/train.jsonl" >"$tmp/fold/train.jsonl"
		awk -v k="$folds" -v f="$f" '(NR - 1) % k == f' "$tmp/dev.jsonl" >"$tmp/fold/test.jsonl"
		[ -s "$tmp/fold/test.jsonl" ] || continue
		"$bin/summarize" --train --model-out="$tmp/fold/summary-model.txt" \
			"$tmp/fold/train.jsonl" >/dev/null
		"$bin/summarize" --data="$tmp/fold" <"$tmp/fold/test.jsonl" >>"$tmp/cv.jsonl"
	done
	echo "== rank, nested cross-validation: $folds folds over $n documents, each model trained with --train on the others"
	# shellcheck disable=SC2086
	$score $refs "$tmp/cv.jsonl"
fi

echo "== stand-alone check: chosen sentences of the dev summaries and of tests/samples"
"$bin/normalize" "$top"/tests/samples/*.txt | "$bin/split-sentences" >"$tmp/samples.jsonl"
if [ -x "$bin/tag-entities" ] && [ -x "$bin/extract-quotes" ]; then
	"$bin/tag-entities" <"$tmp/samples.jsonl" | "$bin/extract-quotes" >"$tmp/s2.jsonl"
	mv "$tmp/s2.jsonl" "$tmp/samples.jsonl"
fi
"$bin/summarize" <"$tmp/samples.jsonl" >"$tmp/samples-out.jsonl"
python3 - "$top/common/lang/nl" "$tmp/rank.jsonl" "$tmp/samples-out.jsonl" <<'PY'
import json, re, sys
lang = sys.argv[1]
def words(name):
    return {l.split()[0] for l in open(f"{lang}/{name}", encoding="utf-8")
            if l.strip() and not l.startswith("#")}
classes = {}
for l in open(f"{lang}/summary-word-classes.txt", encoding="utf-8"):
    if l.strip() and not l.startswith("#"):
        w, *c = l.split()
        classes[w] = set(c)
credits, bylines = words("summary-credits.txt"), words("summary-bylines.txt")
W = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
back = {"personal", "demonstrative", "pronominal"}
bad = total = 0
for path in sys.argv[2:]:
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        sents = [r["text"][s["start"]:s["end"]] for s in r["sentences"]]
        picks = r["summary"]["sentences"]
        for i in picks:
            total += 1
            s = sents[i]
            ws = [w.lower() for w in W.findall(s)]
            c0 = classes.get(ws[0], set()) if ws else set()
            c1 = classes.get(ws[1], set()) if len(ws) > 1 else set()
            why = []
            if (c0 & (back | {"possessive", "connective"}) or
                    ("preposition" in c0 and c1 & back)) and i - 1 not in picks:
                why.append("opens with a word pointing back, the sentence before not chosen")
            nxt = [w.lower() for w in W.findall(sents[i + 1])] if i + 1 < len(sents) else []
            if ws and ws[0] in credits or nxt and nxt[0] in credits and len(nxt) <= 6:
                why.append("a credit line or the caption above one")
            ends = s.rstrip(" '\"\u201d\u2019)\u00bb")[-1:] in ".!?:;\u2026"
            if ws and ws[0] in bylines and not ends:
                why.append("a byline")
            if not ends and len(ws) <= 15:
                why.append("a heading or dateline")
            if why:
                bad += 1
                print(f"  {r['id']} sentence {i}: {'; '.join(why)}: {s[:80]}")
print(f"{total} chosen sentences, {bad} that do not stand alone")
PY
