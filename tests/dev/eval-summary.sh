#!/usr/bin/env bash
# Dev only (not part of make test): ROUGE-1/2 F1 of summarize on the dev
# references in /work/shared/data/summaries (Alpino dev and the seeds), for
# lead-3, lead with the default length, and the rank method.
# Gold sentences are fed as the "sentences" field, so that the indices and
# texts match the references. Skips (exit 0) when the data is absent.
# Usage: tests/dev/eval-summary.sh [BINDIR]   (default bin)
#   SCORE="cmd" replaces "BINDIR/zeef score summary" (e.g. before the runner
#   exists); extra summarize options in SUMMARIZE_ARGS.
set -eu
data=${ZEEF_DEV_DATA:-/work/shared/data}
bin=${1:-bin}
if [ ! -d "$data/summaries" ]; then echo "eval-summary: $data absent, skipped"; exit 0; fi
score=${SCORE:-"$bin/zeef score summary"}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$data" "$tmp/dev.jsonl" <<'PY'
import json, sys
data, out = sys.argv[1], open(sys.argv[2], "w", encoding="utf-8")
def record(id, text, sents):
    spans, pos = [], 0
    for s in sents:
        i = text.find(s, pos)
        if i < 0:
            return None
        spans.append({"start": i, "end": i + len(s), "text": s}); pos = i + len(s)
    return {"id": id, "text": text, "sentences": spans}
refs = {json.loads(l)["doc"] for l in open(f"{data}/summaries/reference-A.jsonl")}
for l in open(f"{data}/sentences/nl_alpino-dev.jsonl", encoding="utf-8"):
    d = json.loads(l)
    if d["id"] in refs:
        out.write(json.dumps(record(d["id"], d["text"], d["sentences"]), ensure_ascii=False) + "\n")
for l in open(f"{data}/summaries/seeds-sentences-A.jsonl", encoding="utf-8"):
    d = json.loads(l)
    text = open(f"{data}/seeds/{d['doc']}", encoding="utf-8").read()
    r = record(d["doc"], text, d["sentences"]) or record(d["doc"], " ".join(d["sentences"]), d["sentences"])
    out.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
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
run rank ${SUMMARIZE_ARGS:-}
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
# With entities from tag-entities, when it is built.
if [ -x "$bin/tag-entities" ]; then
	# shellcheck disable=SC2086
	"$bin/tag-entities" <"$tmp/dev.jsonl" | "$bin/summarize" ${SUMMARIZE_ARGS:-} >"$tmp/pred.jsonl"
	echo "== rank, entities from tag-entities (summarize ${SUMMARIZE_ARGS:-})"
	# shellcheck disable=SC2086
	$score $refs "$tmp/pred.jsonl"
fi
