#!/usr/bin/env python3
"""Dev only: the training records of `summarize --train` from the reference
extracts in /work/shared/data/summaries (Alpino dev and the seeds), on stdout.

Each record: id, text, sentences (the gold sentences: the treebank's for
Alpino dev, seeds-sentences-A for the seeds), source, and references: one
{"pick","text"} per annotator (reference-A, reference-B). A pick of
reference B on a seed (whose sentences are seeds-sentences-B) is mapped to
the seeds-sentences-A sentence that holds the most of its words.
Usage: tests/dev/summary-train-data.py [DATA] > train.jsonl
"""
import json, re, sys

data = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
WORD = re.compile(r"[^\W_]+")


def record(id, text, sents):
    spans, pos = [], 0
    for s in sents:
        i = text.find(s, pos)
        if i < 0:
            return None
        spans.append({"start": i, "end": i + len(s), "text": s})
        pos = i + len(s)
    return {"id": id, "text": text, "sentences": spans}


def best_sentence(sents, pick):
    if pick in sents:
        return sents.index(pick)
    words = set(w.lower() for w in WORD.findall(pick))
    scores = [len(words & set(w.lower() for w in WORD.findall(s))) for s in sents]
    return max(range(len(sents)), key=lambda i: (scores[i], -i))


refs = []
for name in ("reference-A", "reference-B"):
    refs.append({json.loads(l)["doc"]: json.loads(l)
                 for l in open(f"{data}/summaries/{name}.jsonl", encoding="utf-8")})
docs = []
for l in open(f"{data}/sentences/nl_alpino-dev.jsonl", encoding="utf-8"):
    d = json.loads(l)
    if d["id"] in refs[0]:
        docs.append((d["id"], record(d["id"], d["text"], d["sentences"]), d["sentences"]))
for l in open(f"{data}/summaries/seeds-sentences-A.jsonl", encoding="utf-8"):
    d = json.loads(l)
    text = open(f"{data}/seeds/{d['doc']}", encoding="utf-8").read()
    r = record(d["doc"], text, d["sentences"]) or \
        record(d["doc"], " ".join(d["sentences"]), d["sentences"])
    docs.append((d["doc"], r, d["sentences"]))
for doc, r, sents in docs:
    r["id"] = re.sub(r"\.txt$", "", doc)
    r["source"] = refs[0][doc]["source"]
    r["references"] = [{"pick": sorted({best_sentence(sents, p) for p in R[doc]["pick_text"]}),
                        "text": " ".join(R[doc]["pick_text"])} for R in refs]
    print(json.dumps(r, ensure_ascii=False))
