#!/usr/bin/env python3
"""Dev-only: derive common/lang/nl/summary-df.txt from openly licensed text.

Counts, for each lowercased word, the number of sentences that contain it in
  - UD_Dutch-LassySmall dev (CC BY-SA 4.0), gold sentences:
    /work/shared/data/sentences/nl_lassysmall-dev.jsonl
  - Europeana Newspapers Dutch NER corpus (CC0), split at . ! ? tokens:
    /work/shared/data/ner/europeana-nl/enp_NL.kb.bio
Words as summary_word_next() finds them: runs of letters and digits.
Only derived counts of words seen in at least 2 sentences are written, never
text. Usage: tests/dev/make-summary-df.py > common/lang/nl/summary-df.txt
"""
import json, re, sys, collections

DATA = "/work/shared/data"
WORD = re.compile(r"[^\W_]+")
df = collections.Counter()
units = 0

def count(sentence):
    global units
    units += 1
    df.update(set(w.lower() for w in WORD.findall(sentence)))

for line in open(f"{DATA}/sentences/nl_lassysmall-dev.jsonl", encoding="utf-8"):
    for s in json.loads(line)["sentences"]:
        count(s if isinstance(s, str) else s["text"])
words = []
for line in open(f"{DATA}/ner/europeana-nl/enp_NL.kb.bio", encoding="utf-8"):
    tok = line.split(" ")[0].strip()
    if not tok:
        continue
    words.append(tok)
    if tok in (".", "!", "?"):
        count(" ".join(words)); words = []
if words:
    count(" ".join(words))

out = sys.stdout
out.write("""# summary-df.txt — document frequencies of Dutch words, for summarize's
# word weights (inverse document frequency). Each line: COUNT WORD, the
# number of sentences (out of @units) that contain the lowercased WORD.
# Derived counts only, no text. Sources, both openly licensed:
#   UD_Dutch-LassySmall dev (Universal Dependencies 2.x), CC BY-SA 4.0:
#     its 1,542 gold sentences (Wikipedia and web text);
#   Europeana Newspapers Dutch NER corpus (enp_NL.kb.bio), CC0: historical
#     newspapers, split into sentences at . ! ? tokens.
# Words seen in fewer than 2 sentences are left out (they count as unseen).
# Made by tests/dev/make-summary-df.py; the counts are a derived work of the
# CC BY-SA 4.0 treebank and are shared under the same licence.
""")
out.write(f"@units {units}\n")
for w, c in sorted(df.items(), key=lambda x: (-x[1], x[0])):
    if c >= 2:
        out.write(f"{c} {w}\n")
