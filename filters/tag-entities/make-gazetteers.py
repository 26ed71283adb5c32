#!/usr/bin/env python3
"""Regenerate the tag-entities gazetteers in common/lang/nl/ (a developer tool,
not part of the build).

usage: make-gazetteers.py EUROPEANA_BIO OUTDIR

- gazetteer-loc.txt: country names in Dutch from Debian's iso-codes
  (/usr/share/iso-codes/json/iso_3166-1.json translated with
  /usr/share/locale/nl/LC_MESSAGES/iso_3166-1.mo), plus LOC names that occur
  in the Europeana Newspapers Dutch NER corpus (CC0).
- gazetteer-per.txt, gazetteer-org.txt: PER and ORG names that occur
  in that corpus.
"""
import collections, gettext, json, re, sys

bio, outdir = sys.argv[1], sys.argv[2]
names = {t: collections.Counter() for t in ("PER", "LOC", "ORG")}
cur, typ = [], None

def flush():
    global cur, typ
    if cur and typ:
        names[typ][" ".join(cur)] += 1
    cur, typ = [], None

for line in open(bio, encoding="utf-8"):
    parts = line.split()
    if len(parts) < 2:
        flush(); continue
    word, tag = parts[0], parts[-1]
    word = re.sub(r"[.,;:!?)\"']+$", "", word)
    word = re.sub(r"^[(\"']+", "", word)
    if tag.startswith("B-") or (tag.startswith("I-") and typ != tag[2:]):
        flush(); typ = tag[2:]; cur = [word] if word else []
    elif tag.startswith("I-"):
        if word: cur.append(word)
    else:
        flush()
flush()

def good(n):
    return (len(n) >= 2 and n[0].isupper() and not re.search(r"[0-9]", n)
            and all(len(w) > 1 or w.isalpha() for w in n.split()))

iso = gettext.GNUTranslations(open("/usr/share/locale/nl/LC_MESSAGES/iso_3166-1.mo", "rb"))
countries = set()
for c in json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]:
    for k in ("name", "common_name"):
        if k in c:
            countries.add(iso.gettext(c[k]))

head = {
 "loc": "# Locations (LOC) for the tag-entities gazetteer feature, one name a line.\n"
        "# Sources: country names in Dutch from Debian's iso-codes package (ISO 3166-1\n"
        "# names translated by its nl message catalogue), and location names that occur\n"
        "# in the Europeana Newspapers Dutch NER corpus (CC0,\n"
        "# enp_NL.kb.bio: historical newspapers, OCR spelling kept).\n"
        "# Made by filters/tag-entities/make-gazetteers.py.\n",
 "per": "# Person names (PER) for the tag-entities gazetteer feature, one name a line.\n"
        "# Source: person names that occur in the Europeana Newspapers\n"
        "# Dutch NER corpus (CC0, enp_NL.kb.bio: historical newspapers, OCR spelling kept).\n"
        "# Made by filters/tag-entities/make-gazetteers.py.\n",
 "org": "# Organisations (ORG) for the tag-entities gazetteer feature, one name a line.\n"
        "# Source: organisation names that occur in the Europeana\n"
        "# Newspapers Dutch NER corpus (CC0, enp_NL.kb.bio: historical newspapers).\n"
        "# Made by filters/tag-entities/make-gazetteers.py.\n",
}
for t in ("PER", "LOC", "ORG"):
    entries = {n for n, k in names[t].items() if k >= 1 and good(n)}
    if t == "LOC":
        entries |= countries
    with open(f"{outdir}/gazetteer-{t.lower()}.txt", "w", encoding="utf-8") as f:
        f.write(head[t.lower()])
        for n in sorted(entries):
            f.write(n + "\n")
