#!/usr/bin/env bash
# tests/dev/eval-entities.sh — development only, NOT part of `make test`.
# Scores bin/tag-entities (the built-in model, or --model=FILE given as
# extra arguments) on CoNLL-2002 ned.testa through the filter itself: the
# test file becomes one record per document (tokens joined by spaces, one
# sentence a line, "sentences" given), the filter tags it with its own
# tokenizer, and `zeef score entities` compares the entities (conlleval
# rules) with the gold ones.
# Usage: tests/dev/eval-entities.sh [TAG-ENTITIES-OPTION]...   (from the repository)
# Also handy:  bin/tag-entities --train --dev=DATA/ned.testa --model-out=M DATA/ned.train
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${ZEEF_DEV_DATA:-/work/shared/data}/ner
if [ ! -f "$data/ned.testa" ]; then echo "eval-entities: $data/ned.testa absent, skipped"; exit 0; fi
command -v python3 >/dev/null || { echo "eval-entities: needs python3: skipped"; exit 0; }
make --no-print-directory -s all >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$data/ned.testa" "$tmp/gold.jsonl" <<'PY'
import json, sys
docs, cur, sent = [], None, []
for line in open(sys.argv[1], encoding="utf-8"):
    f = line.split()
    if not f or f[0] == "-DOCSTART-":
        if sent:
            cur.append(sent)
        sent = []
        if f:
            cur = []
            docs.append(cur)
        continue
    sent.append((f[0], f[-1]))
if sent:
    cur.append(sent)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for di, doc in enumerate(docs):
        text, sents, ents = "", [], []
        for si, s in enumerate(doc):
            if text:
                text += "\n"
            start, offs = len(text), []
            for i, (w, _) in enumerate(s):
                if i:
                    text += " "
                offs.append((len(text), len(text) + len(w)))
                text += w
            sents.append({"start": start, "end": len(text), "text": text[start:]})
            i = 0
            while i < len(s):
                tag = s[i][1]
                if tag == "O":
                    i += 1
                    continue
                typ, j = tag[2:], i + 1
                while j < len(s) and s[j][1] == "I-" + typ:
                    j += 1
                a, b = offs[i][0], offs[j - 1][1]
                ents.append({"start": a, "end": b, "text": text[a:b], "type": typ, "sentence": si})
                i = j
        out.write(json.dumps({"id": "testa-%d" % di, "text": text, "sentences": sents,
                              "entities": ents}, ensure_ascii=False) + "\n")
PY
bin/tag-entities --stats "$@" <"$tmp/gold.jsonl" >"$tmp/pred.jsonl"
bin/zeef score entities "$tmp/gold.jsonl" "$tmp/pred.jsonl"
