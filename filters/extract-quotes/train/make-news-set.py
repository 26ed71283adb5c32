#!/usr/bin/env python3
"""make-news-set.py — build the news quotation set of extract-quotes from the
CoNLL-2002 Dutch articles and the hand annotations in news-annotations.tsv.

  make-news-set.py build [--conll DIR] [--out DIR]
      writes news-{train,test}-{records,gold,scare}.jsonl into DIR (default:
      this folder). DIR of CoNLL: ned.train and ned.testa (default
      ../shared/data/ner beside the repository, else /work/shared/data/ner).
  make-news-set.py sentences [--conll DIR]
      prints every sentence holding a quotation mark, as the annotation sees
      it: KEY<TAB>PAIRS<TAB>TEXT, KEY = DOC/SENTENCE, PAIRS = the quote pairs
      (or "unpaired").

Articles: DOC = train-NNN / testa-NNN, the 1-based ordinal of the article in
ned.train / ned.testa. Split, fixed before annotation: the articles of both
files in order (train first) are numbered 0, 1, 2, …; number % 3 == 2 goes to
the set-aside test split, the rest to train.

A record is one article: its kept sentences (those with a line in the
annotations) in CoNLL order, one paragraph each (the CoNLL order is shuffled,
so sentences are not joined into paragraphs). Tokens are joined with spaces,
except that punctuation and closing marks attach to the word before and
opening marks to the word after.

Deterministic: the same inputs give the same bytes. Python 3 standard
library only.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MARKS = ('"', "'")
ATTACH_LEFT = {",", ".", ";", ":", "!", "?", ")", "]", "...", "%"}
ATTACH_RIGHT = {"(", "["}
FIELDS = ["doc", "sent", "q", "label", "kind", "cue_pos", "cue", "speaker",
          "mention", "text", "note"]


def default_conll():
    for d in (os.path.join(HERE, "../../../../shared/data/ner"), "/work/shared/data/ner"):
        if os.path.exists(os.path.join(d, "ned.train")):
            return d
    return None


def read_conll(path, prefix):
    """Articles of one CoNLL file: [(doc id, [sentence tokens, …])]."""
    arts, sent = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if sent:
                    arts[-1][1].append(sent)
                    sent = []
                continue
            tok = line.split(" ")[0]
            if tok == "-DOCSTART-":
                if sent:
                    arts[-1][1].append(sent)
                    sent = []
                arts.append(("%s-%03d" % (prefix, len(arts) + 1), []))
                continue
            sent.append(tok)
    if sent:
        arts[-1][1].append(sent)
    return arts


def articles(conll):
    arts = read_conll(os.path.join(conll, "ned.train"), "train")
    arts += read_conll(os.path.join(conll, "ned.testa"), "testa")
    return [(doc, "test" if i % 3 == 2 else "train", sents)
            for i, (doc, sents) in enumerate(arts)]


ELISIONS = {"s", "t", "n", "k", "m", "r"}


def is_elision(toks, i):
    """A lone apostrophe before an elided word ('m, 't): part of that word."""
    return i < len(toks) - 1 and toks[i + 1].rstrip(".,;:!?") in ELISIONS


def is_possessive(toks, i):
    """A lone apostrophe after a word in s, x or z and before a lower-case
    word: the genitive apostrophe (Chávez' aanhang)."""
    return (0 < i < len(toks) - 1 and toks[i - 1][-1:] in ("s", "x", "z")
            and toks[i - 1] not in MARKS and toks[i + 1][:1].islower()
            and not is_elision(toks, i))


def pair_marks(toks):
    """Quote pairs of a sentence as [(open index, close index)], or None when a
    mark has no partner. Each mark pairs with the next of its kind."""
    pairs = []
    for m in MARKS:
        idx = [i for i, t in enumerate(toks) if t == m]
        if m == "'":
            idx = [i for i in idx if not is_elision(toks, i)]
        if m == "'" and len(idx) % 2:
            pos = [i for i in idx if is_possessive(toks, i)]
            if len(pos) == 1:
                idx.remove(pos[0])
        if len(idx) % 2:
            return None
        pairs += [(idx[k], idx[k + 1]) for k in range(0, len(idx), 2)]
    # Two pairs of different marks must nest or follow each other.
    for a in pairs:
        for b in pairs:
            if a[0] < b[0] < a[1] < b[1]:
                return None
    return sorted(pairs)


def detokenize(toks, pairs):
    """Text of a sentence and the code-point offsets of each token."""
    opening = {o for o, _ in pairs}
    closing = {c for _, c in pairs}
    marks = opening | closing
    out, offs, pos = [], [], 0
    for i, t in enumerate(toks):
        space = i > 0
        if i > 0:
            prev = toks[i - 1]
            if (t in ATTACH_LEFT or i in closing or (i - 1) in opening
                    or prev in ATTACH_RIGHT):
                space = False
            elif t == "'" and i not in marks and not is_elision(toks, i):
                space = False          # genitive apostrophe
            elif prev == "'" and (i - 1) not in marks and is_elision(toks, i - 1):
                space = False          # 'm, 't
        if space:
            out.append(" ")
            pos += 1
        offs.append(pos)
        out.append(t)
        pos += len(t)
    return "".join(out), offs


def sentence_view(toks):
    pairs = pair_marks(toks)
    text, offs = detokenize(toks, pairs or [])
    quotes = []
    for o, c in pairs or []:
        start = offs[o] + 1
        end = offs[c]
        quotes.append((start, end, text[start:end], toks[o]))
    return text, pairs, quotes


def read_annotations(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != len(FIELDS):
                sys.exit("%s:%d: %d columns, want %d" % (path, n, len(cols), len(FIELDS)))
            row = dict(zip(FIELDS, cols))
            row["line"] = n
            rows.append(row)
    return rows


def build(conll, out):
    ann = read_annotations(os.path.join(HERE, "news-annotations.tsv"))
    by_sent = {}
    for r in ann:
        by_sent.setdefault((r["doc"], int(r["sent"])), []).append(r)
    files = {}
    for split in ("train", "test"):
        for what in ("records", "gold", "scare"):
            files[split, what] = []
    seen = set()
    for doc, split, sents in articles(conll):
        parts, gold, scare, pos = [], [], [], 0
        for si, toks in enumerate(sents):
            rows = by_sent.get((doc, si))
            if not rows or any(r["label"] == "drop" for r in rows):
                continue
            seen.add((doc, si))
            text, pairs, quotes = sentence_view(toks)
            if pairs is None or len(rows) != len(quotes):
                sys.exit("%s/%d: %d annotated pairs, the sentence has %s"
                         % (doc, si, len(rows), "unpaired marks" if pairs is None else len(quotes)))
            if parts:
                pos += 2
            for r in rows:
                qs, qe, qt, _ = quotes[int(r["q"])]
                if qt != r["text"]:
                    sys.exit("%s/%d.%s: annotated text %r, the sentence has %r"
                             % (doc, si, r["q"], r["text"], qt))
                for fld in ("mention", "cue"):
                    v = r[fld]
                    if v and v != ":" and v.split(" ")[0].lower() not in text.lower():
                        sys.exit("%s/%d.%s: %s %r is not in the sentence" % (doc, si, r["q"], fld, v))
                if r["label"] == "scare":
                    scare.append({"doc": doc, "text": qt, "start": pos + qs, "end": pos + qe,
                                  "why": r["note"] or None})
                elif r["label"] == "quote":
                    if r["kind"] not in ("direct", "partial") or \
                       r["cue_pos"] not in ("after", "before", "none"):
                        sys.exit("%s/%d.%s: bad kind or cue_pos" % (doc, si, r["q"]))
                    gold.append({"doc": doc, "quote": qt, "start": pos + qs, "end": pos + qe,
                                 "speaker": r["speaker"] or None,
                                 "speaker_mention": r["mention"] or None,
                                 "cue": r["cue"] or None, "kind": r["kind"],
                                 "cue_pos": r["cue_pos"], "note": r["note"] or None})
                else:
                    sys.exit("%s/%d.%s: unknown label %r" % (doc, si, r["q"], r["label"]))
            parts.append(text)
            pos += len(text)
        if parts:
            files[split, "records"].append({"id": doc, "text": "\n\n".join(parts)})
            files[split, "gold"] += gold
            files[split, "scare"] += scare
    missing = {k for k in by_sent if k not in seen
               and not any(r["label"] == "drop" for r in by_sent[k])}
    if missing:
        sys.exit("annotated sentences not found: %s" % sorted(missing)[:5])
    for (split, what), recs in sorted(files.items()):
        path = os.path.join(out, "news-%s-%s.jsonl" % (split, what))
        with open(path, "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print("%s: %d lines" % (path, len(recs)))


def main(argv):
    if len(argv) < 2 or argv[1] not in ("build", "sentences"):
        sys.exit(__doc__)
    conll, out = default_conll(), HERE
    args = argv[2:]
    while args:
        if args[0] == "--conll" and len(args) > 1:
            conll = args[1]
        elif args[0] == "--out" and len(args) > 1:
            out = args[1]
        else:
            sys.exit(__doc__)
        args = args[2:]
    if not conll:
        sys.exit("make-news-set: no CoNLL-2002 data (give --conll DIR)")
    if argv[1] == "build":
        build(conll, out)
        return
    for doc, split, sents in articles(conll):
        for si, toks in enumerate(sents):
            if not any(t in MARKS for t in toks):
                continue
            text, pairs, quotes = sentence_view(toks)
            print("%s/%d\t%s\t%s\t%s" % (doc, si, split,
                                         "unpaired" if pairs is None else len(quotes), text))


if __name__ == "__main__":
    main(sys.argv)
