#!/usr/bin/env python3
"""score-quotes-openboek.py — DEV ONLY: score extract-quotes output against the
OpenBoek fiction gold (../shared/data/quotes/openboek), with the matching rule
of ../shared/data/README.md.

  score-quotes-openboek.py [--by-novel] [--json] [--errors] GOLD PRED

GOLD: one quote a line, {"doc","start","end","quote","speaker","aliases",
"names","type",...}; start/end in code points, quotation marks included.
PRED: records {"id","quotes":[{"start","end","text","speaker":{"text","name"}}]}
as extract-quotes writes them (quotes of kind "indirect" are left out).

A predicted quote matches a gold one (one to one, best overlaps first) when
their overlap, quotation marks and dialogue dashes left out of both, is at
least 60% of the longer. Its speaker is right when the predicted speaker's
text or name equals, contains or is contained in (on whole words, ignoring
case) the gold speaker, one of its aliases or one of its names.

Prints span precision, recall and F1, and speaker accuracy over the matched
quotes, overall and per gold type (explicit, anaphor_pronoun, anaphor_other,
implicit; "none" for quotes without a type); with --by-novel also per novel
(the record id up to "-part"); with --errors, instead of the figures, one
line per matched quotation whose speaker is wrong (record, start, gold type,
gold speaker, predicted speaker text and name, the quotation's first
words), to read the errors by class. Python 3 standard library only.
"""
import json
import re
import sys

MARKS = "\"'\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a-\u2013\u2014 \n\t"
TYPES = ["explicit", "anaphor_pronoun", "anaphor_other", "implicit", "none"]


def inner(start, end, text):
    """The span without the quotation marks, dashes and spaces at its ends."""
    i, j = 0, len(text)
    while i < j and text[i] in MARKS:
        i += 1
    while j > i and text[j - 1] in MARKS:
        j -= 1
    return start + i, start + j


def words(s):
    return re.findall(r"\w+", s.casefold())


def contains(a, b):
    """True when the word list b occurs in a, word for word."""
    n = len(b)
    return n > 0 and any(a[i:i + n] == b for i in range(len(a) - n + 1))


def speaker_right(gold, pred_speaker):
    if not pred_speaker:
        return False
    cands = [gold.get("speaker")] + list(gold.get("aliases") or []) + list(gold.get("names") or [])
    cands = [words(c) for c in cands if c]
    for p in (pred_speaker.get("text"), pred_speaker.get("name")):
        if not p:
            continue
        pw = words(p)
        if any(pw and (pw == c or contains(pw, c) or contains(c, pw)) for c in cands):
            return True
    return False


def novel(doc):
    return doc.split("-part")[0]


def load(gold_path, pred_path):
    gold = []
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                g = json.loads(line)
                g["span"] = inner(g["start"], g["end"], g.get("quote") or "")
                g["type"] = g.get("type") or "none"
                gold.append(g)
    pred = []
    with open(pred_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            for q in r.get("quotes") or []:
                if q.get("kind") == "indirect":
                    continue
                pred.append({"doc": r["id"], "span": inner(q["start"], q["end"], q.get("text") or ""),
                             "speaker": q.get("speaker")})
    return gold, pred


def match(gold, pred):
    """Pairs (overlap ratio, gold index, pred index), best first, one to one."""
    by_doc = {}
    for k, p in enumerate(pred):
        by_doc.setdefault(p["doc"], []).append(k)
    pairs = []
    for i, g in enumerate(gold):
        gs, ge = g["span"]
        for k in by_doc.get(g["doc"], []):
            ps, pe = pred[k]["span"]
            ov = min(ge, pe) - max(gs, ps)
            longer = max(ge - gs, pe - ps)
            if ov > 0 and longer > 0 and ov >= 0.6 * longer:
                pairs.append((-ov / longer, i, k))
    pairs.sort()
    used_g, used_p = set(), set()
    for _, i, k in pairs:
        if i not in used_g and k not in used_p:
            used_g.add(i)
            used_p.add(k)
            gold[i]["matched"] = k
    for g in gold:
        k = g.get("matched")
        g["speaker_ok"] = k is not None and speaker_right(g, pred[k]["speaker"])
    return used_p


def figures(gold, npred, nmatched_pred):
    n = len(gold)
    found = sum(1 for g in gold if g.get("matched") is not None)
    ok = sum(1 for g in gold if g["speaker_ok"])
    p = nmatched_pred / npred if npred else 0.0
    r = found / n if n else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out = {"gold": n, "predicted": npred, "matched": found,
           "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
           "speaker_correct": ok, "speaker_accuracy": round(ok / found, 4) if found else 0.0,
           "by_type": {}}
    for t in TYPES:
        gs = [g for g in gold if g["type"] == t]
        if not gs:
            continue
        ft = sum(1 for g in gs if g.get("matched") is not None)
        ot = sum(1 for g in gs if g["speaker_ok"])
        out["by_type"][t] = {"gold": len(gs), "found": ft,
                             "recall": round(ft / len(gs), 4),
                             "speaker_correct": ot,
                             "speaker_accuracy": round(ot / ft, 4) if ft else 0.0}
    return out


def show(title, fig):
    print("== %s" % title)
    print("quotations: gold %d, predicted %d, matched %d (overlap >= 60%% of the longer)"
          % (fig["gold"], fig["predicted"], fig["matched"]))
    print("span           P %.3f  R %.3f  F1 %.3f" % (fig["precision"], fig["recall"], fig["f1"]))
    print("speaker        %d/%d = %.3f (over matched quotations)"
          % (fig["speaker_correct"], fig["matched"], fig["speaker_accuracy"]))
    print("by type            gold  found  recall  speaker")
    for t, v in fig["by_type"].items():
        print("  %-15s %5d  %5d   %.3f  %d/%d %.3f" % (t, v["gold"], v["found"], v["recall"],
                                                  v["speaker_correct"], v["found"],
                                                  v["speaker_accuracy"]))


def show_errors(gold, pred):
    for g in gold:
        k = g.get("matched")
        if k is None or g["speaker_ok"]:
            continue
        sp = pred[k]["speaker"] or {}
        print("%s\t%d\t%s\tgold=%s\tpred=%s|%s\t%s"
              % (g["doc"], g["start"], g["type"], g.get("speaker"), sp.get("text"), sp.get("name"),
                 (g.get("quote") or "")[:60].replace("\n", " ")))


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    opts = {a for a in argv[1:] if a.startswith("--")}
    if len(args) != 2 or opts - {"--by-novel", "--json", "--errors"}:
        sys.stderr.write(__doc__)
        return 64
    try:
        gold, pred = load(args[0], args[1])
    except OSError as e:
        sys.stderr.write("score-quotes-openboek: %s\n" % e)
        return 66
    except (ValueError, KeyError) as e:
        sys.stderr.write("score-quotes-openboek: bad input: %s\n" % e)
        return 65
    used = match(gold, pred)
    if "--errors" in opts:
        show_errors(gold, pred)
        return 0
    result = {"all": figures(gold, len(pred), len(used))}
    if "--by-novel" in opts:
        for nv in sorted({novel(g["doc"]) for g in gold} | {novel(p["doc"]) for p in pred}):
            ks = [k for k, p in enumerate(pred) if novel(p["doc"]) == nv]
            result[nv] = figures([g for g in gold if novel(g["doc"]) == nv], len(ks),
                                 sum(1 for k in ks if k in used))
    if "--json" in opts:
        print(json.dumps(result, sort_keys=True))
    else:
        for name, fig in result.items():
            show("all novels" if name == "all" else name, fig)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
