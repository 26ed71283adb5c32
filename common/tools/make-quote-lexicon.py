#!/usr/bin/env python3
"""make-quote-lexicon.py — derive the word lists of extract-quotes from
general lexical resources:

  * Open Dutch WordNet's Dutch lemmas mapped to Princeton WordNet 3.0
    synsets (wn-{wiktionary,omegawiki,google}-nld.txt, CC BY-SA 4.0);
  * Princeton WordNet 3.0 (Debian package wordnet-base, /usr/share/wordnet):
    the lexicographer file of each synset (noun.person, noun.group,
    verb.communication) and its hypernyms;
  * the hand lists beside this script (quote_lexicon/): Dutch verba dicendi
    verbs of opinion and of naming, the forms of strong verbs, irregular plurals,
    gendered nouns. Facts of Dutch, each entry standing for its class.

  make-quote-lexicon.py [--lexical DIR] [--wordnet DIR] [--out DIR] [--check]

Writes into DIR (default common/lang/nl):
  quotes-speech-verbs.txt       reporting verbs, all finite forms and participles
  quotes-opinion-verbs.txt      verbs of opinion, same format
  quotes-naming-verbs.txt       reporting verbs that name or qualify (als '…'), same format
  quotes-person-nouns.txt       nouns for a person: FORM [TAG...]
  quotes-group-nouns.txt        nouns for a group of people: FORM [pl]
  quotes-organisation-nouns.txt nouns for an organisation (a body that speaks)
  quotes-speech-nouns.txt       nouns for what someone said (uitspraak, verklaring)
--check compares instead of writing, exit 1 when a file would change.

Rules (no entry is chosen by looking at example sentences):
  * a lemma is a single word of letters (a hyphen allowed), three letters or
    more, not a Dutch function word (quotes-function-words.txt,
    stopwords.txt, quotes-pronouns.txt) nor a listed first name
    (first-names.txt: Peter is a name before it is a godfather);
  * a lemma is in a class when at least half of its senses (the synsets the
    Dutch data maps it to, in any part of speech) are in the class; synsets
    of named individuals (instance hypernyms) count outside;
  * hand entries (quote_lexicon/{person,organisation}-nouns.txt) add the nouns of a class that
    the Dutch data lacks or maps mostly elsewhere (premier, koningin);
  * a reporting verb from WordNet is in verb.communication and takes a
    that-clause (verb frame 26, "Somebody ----s that CLAUSE") in one of
    those senses: it reports what was said, not only that one spoke;
  * verb offsets of the Dutch data that name no synset in Debian's data.verb
    are shifted by the one distance that makes (nearly) all of them resolve;
  * the forms come from quote_lexicon/inflect.py (rules of Dutch spelling)
    and quote_lexicon/strong-verbs.txt;
  * a noun for what someone said (speech_nouns) has at least half of its noun
    senses under WordNet's remark, declaration, answer, announcement,
    quotation, saying, words (spoken), promise or warning, or is the -ing
    noun of a hand-listed reporting verb that the Dutch data knows as a noun
    (verklaren: verklaring), or is in quote_lexicon/speech-nouns.txt.
Deterministic: the same inputs give the same bytes. Python 3 standard
library only.
"""
import bisect
import collections
import functools
import glob
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(HERE, "quote_lexicon"))
import inflect  # noqa: E402

HAND = os.path.join(HERE, "quote_lexicon")

# Lexicographer files (WordNet lexnames).
NOUN_COMMUNICATION, NOUN_PERSON, VERB_COMMUNICATION = 10, 18, 32
FRAME_THAT_CLAUSE = 26        # verb frame "Somebody ----s that CLAUSE"

# Synsets (Princeton WordNet 3.0 offsets) whose hyponyms make a class.
PERSON = "00007846"           # person.n.01 (in noun.Tops)
SOCIAL_GROUP = "07950920"     # social_group.n.01
PEOPLE = "07942152"           # people.n.01
ORGANIZATION = "08008335"     # organization.n.01
GATHERING = "07975026"        # gathering.n.01 (audience, crowd)
RELATIVE = "10235549"         # relative.n.01: kin
INHABITANT = "09620078"       # inhabitant.n.01: nationality, resident
FEMALE = ("09619168", "10787470")   # female.n.02, woman.n.01
MALE = ("09624168", "10287213")     # male.n.02, man.n.01
# Occupations, functions and titles: the words that stand before a name.
ROLE_ROOTS = {
    "09623038": "leader",
    "09632518": "worker",
    "10480253": "professional",
    "10372373": "official",
    "09617867": "expert",
    "09613191": "contestant",
    "10162991": "head",
    "10638385": "spokesperson",
    "09610660": "communicator",
    "10582746": "serviceman",
}
FEMALE_SUFFIXES = ("ster", "es", "in", "trice", "euse", "esse", "ente", "ante", "ate", "iste")
NOT_FEMALE_SUFFIXES = ("ister", "eester", "iester", "ees", "ies", "ijn")

LICENCE = """# Derived from Open Dutch WordNet (Dutch lemmas mapped to Princeton WordNet
# synsets; CC BY-SA 4.0; this list is shared under the same licence) and
# Princeton WordNet 3.0 (lexicographer files, hypernyms, verb frames;
# WordNet 3.0 Copyright 2006 by Princeton University, all rights reserved,
# used under the WordNet 3.0 licence: see LICENSE-wordnet.txt beside this
# file). Generated by common/tools/make-quote-lexicon.py; do not edit: change
# the hand lists in common/tools/quote_lexicon/ or the rules, and run it again."""


def default_dir(candidates):
    for d in candidates:
        if d and os.path.isdir(d):
            return d
    return None


# --- WordNet ---------------------------------------------------------------

SS_TYPE = {"n": 1, "v": 2, "a": 3, "r": 4}    # the synset type in a sense key


def sense_counts(wndir):
    """sense key -> tag count, from WordNet's cntlist.rev (how often each sense
    was tagged in the Brown corpus semantic concordance); {} when absent.
    Adjective satellites (type 5) carry their head in the key and are left
    out: only ties between noun senses are broken with these counts."""
    counts = {}
    path = os.path.join(wndir, "cntlist.rev")
    if os.path.exists(path):
        with open(path, encoding="latin-1") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3:
                    counts[parts[0]] = int(parts[2])
    return counts

class WordNet:
    def __init__(self, wndir):
        self.syn = {"n": {}, "v": {}, "a": {}, "r": {}}
        self.words = {"n": {}, "v": {}, "a": {}, "r": {}}
        files = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
        for pos, name in files.items():
            self._load(os.path.join(wndir, "data." + name), pos)
        self.offsets = {pos: sorted(int(o) for o in s) for pos, s in self.syn.items()}
        self.counts = sense_counts(wndir)

    def frequency(self, pos, off):
        """How often the synset's words were tagged in this sense in the
        semantic concordance (cntlist.rev): 0 when never, or unknown."""
        lex = self.syn[pos][off][0]
        total = 0
        for word, lex_id in self.words[pos][off]:
            word = word.split("(")[0]          # adjective markers: (a), (p), (ip)
            key = "%s%%%d:%02d:%02d::" % (word, SS_TYPE[pos], lex, lex_id)
            total += self.counts.get(key, 0)
        return total

    def _load(self, path, pos):
        with open(path, encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                f_ = line.split(" ")
                lex = int(f_[1])
                words = [(f_[4 + 2 * i].lower(), int(f_[5 + 2 * i], 16))
                         for i in range(int(f_[3], 16))]
                self.words[pos][f_[0]] = words
                k = 4 + 2 * int(f_[3], 16)
                hyp, inst = [], False
                for _ in range(int(f_[k])):
                    sym, off = f_[k + 1], f_[k + 2]
                    if sym in ("@", "@i"):
                        hyp.append(off)
                    inst = inst or sym == "@i"
                    k += 4
                frames = set()
                if pos == "v":
                    for i in range(int(f_[k + 1])):
                        frames.add(int(f_[k + 3 + 3 * i]))
                self.syn[pos][f_[0]] = (lex, hyp, inst, frames)

    def ancestors(self, pos, off):
        seen, todo = set(), [off]
        while todo:
            for h in self.syn[pos].get(todo.pop(), (0, []))[1]:
                if h not in seen:
                    seen.add(h)
                    todo.append(h)
        return seen

    def shift(self, pos, unresolved):
        """The distance that makes the most of UNRESOLVED offsets name a synset,
        when it makes at least 95% of them do; else 0."""
        offs = self.offsets[pos]
        votes = collections.Counter()
        for x in unresolved:
            i = bisect.bisect_left(offs, x)
            for j in range(max(0, i - 2), min(len(offs), i + 2)):
                votes[offs[j] - x] += 1
        if not votes:
            return 0
        d, n = max(votes.items(), key=lambda kv: (kv[1], -abs(kv[0])))
        return d if n >= 0.95 * len(unresolved) else 0


# --- Dutch lemmas ----------------------------------------------------------

def read_list(path, tagged=False):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line.split() if tagged else line)
    return out


def function_words():
    words = set()
    lang = os.path.join(ROOT, "common", "lang", "nl")
    for name in ("quotes-function-words.txt", "stopwords.txt", "quotes-pronouns.txt"):
        for row in read_list(os.path.join(lang, name), tagged=True):
            words.add(row[0].lower())
    return words


@functools.lru_cache(maxsize=None)
def first_names():
    """The first names of first-names.txt: a name, never one of our nouns
    (Peter, godfather; Koen, Rob, Frans), or "Peter Jansen" would be a noun
    before a name instead of a name."""
    path = os.path.join(ROOT, "common", "lang", "nl", "first-names.txt")
    return frozenset(row[0].lower() for row in read_list(path, tagged=True))


def dutch_senses(lexdir, wn):
    """lemma (lower case) -> set of (pos, offset), verb offsets realigned."""
    raw = collections.defaultdict(set)
    for path in sorted(glob.glob(os.path.join(lexdir, "wn-*-nld.txt"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 2 or "-" not in parts[0]:
                    continue
                off, pos = parts[0].split("-")
                raw[parts[1].strip().lower()].add((pos, off))
    shifts = {}
    for pos in ("n", "v", "a", "r"):
        unresolved = {int(o) for senses in raw.values() for p, o in senses
                      if p == pos and o not in wn.syn[pos]}
        shifts[pos] = wn.shift(pos, unresolved) if unresolved else 0
    senses = {}
    for lemma, ss in raw.items():
        out = set()
        for pos, off in ss:
            if pos not in wn.syn:
                continue
            if off not in wn.syn[pos] and shifts[pos]:
                off = "%08d" % (int(off) + shifts[pos])
            if off in wn.syn[pos]:
                out.add((pos, off))
        if out:
            senses[lemma] = out
    return senses, shifts


def usable(lemma, fw):
    return (len(lemma) >= 3 and lemma not in fw and " " not in lemma
            and all(c.isalpha() or c == "-" for c in lemma) and lemma[0].isalpha())


def in_class(senses, wn, member, weigh_ties=False):
    """True when MEMBER(pos, off) holds for at least half of SENSES; with
    WEIGH_TIES, for more than half of them, or for half and the tie is not
    broken against it (tie_in_class). Also the member senses."""
    members = [off for pos, off in sorted(senses) if member(pos, off)]
    if not members or 2 * len(members) < len(senses):
        return False, members
    if weigh_ties and 2 * len(members) == len(senses):
        return tie_in_class(senses, wn, member), members
    return True, members


def tie_in_class(senses, wn, member):
    """Half of the senses are in the class: the word counts as one when its
    class senses are tagged in WordNet's concordance at least as often as the
    others (koper: buyer 1, copper 4: a thing; man, koning: persons). Only
    senses of the class's part of speech are weighed: the adjective and verb
    senses of a Dutch noun are mostly its translation's other senses
    (ambtenaar: official, the adjective), and the reverse for verbs.
    With no counts on either side it stays in the class, as before the counts
    were read."""
    inside = outside = 0
    pos_class = next(pos for pos, off in sorted(senses) if member(pos, off))
    for pos, off in senses:
        if pos != pos_class:
            continue
        if member(pos, off):
            inside += wn.frequency(pos, off)
        else:
            outside += wn.frequency(pos, off)
    return inside >= outside


# --- classes -----------------------------------------------------------------

def classify(senses, wn, fw):
    anc = {}

    def ancestors(off):
        if off not in anc:
            anc[off] = wn.ancestors("n", off) | {off}
        return anc[off]

    def person_sense(pos, off):
        return pos == "n" and not wn.syn["n"][off][2] and \
            (wn.syn["n"][off][0] == NOUN_PERSON or off == PERSON)

    def under(*roots):
        return lambda pos, off: pos == "n" and not wn.syn["n"][off][2] and \
            any(r in ancestors(off) for r in roots)

    person, group, org, verbs = {}, set(), set(), set()
    for lemma in sorted(senses):
        if not usable(lemma, fw):
            continue
        ss = senses[lemma]
        ok, members = in_class(ss, wn, person_sense, weigh_ties=True)
        if not ok and members and 2 * len(members) == len(ss) and any(
                INHABITANT in ancestors(off) or any(r in ancestors(off) for r in ROLE_ROOTS)
                for off in members):
            # a tie of an inhabitant or a role is a person whatever the
            # concordance says (een Engelse, de uitgever, de werkster: the
            # English counts favour the language, the firm, the thing)
            ok = True
        if ok:
            tags = set()
            for off in members:
                a = ancestors(off)
                if RELATIVE in a:
                    tags.add("kin")
                if INHABITANT in a:
                    tags.add("inh")
                if any(r in a for r in ROLE_ROOTS):
                    tags.add("role")
                if any(r in a for r in FEMALE):
                    tags.add("f")
                if any(r in a for r in MALE):
                    tags.add("m")
            person[lemma] = tags
        if in_class(ss, wn, under(ORGANIZATION))[0]:
            org.add(lemma)
        elif in_class(ss, wn, under(SOCIAL_GROUP, PEOPLE, GATHERING))[0]:
            group.add(lemma)
        ok, members = in_class(ss, wn, lambda pos, off: pos == "v" and
                               wn.syn["v"][off][0] == VERB_COMMUNICATION)
        if ok and lemma.endswith("en") and \
                any(FRAME_THAT_CLAUSE in wn.syn["v"][off][3] for off in members):
            verbs.add(lemma)
    return person, group, org, verbs


def gender(noun, tags, heads):
    for head in sorted(heads, key=len, reverse=True):
        if noun == head or (noun.endswith(head) and len(noun) >= len(head) + 3):
            return heads[head]
    if "f" in tags and "m" not in tags:
        return "f"
    if "m" in tags and "f" not in tags:
        return "m"
    if len(noun) >= 5 and noun.endswith(FEMALE_SUFFIXES) and not noun.endswith(NOT_FEMALE_SUFFIXES):
        return "f"
    return None


# --- nouns for what someone said ---------------------------------------------

# Synsets under which a noun names words someone said or wrote: the senses
# of "statement" that report (not its agreements, contracts and solutions).
SPEECH_NOUN_ROOTS = {
    "06765044": "remark",
    "06725877": "declaration",
    "06746005": "answer",
    "07199565": "reply",
    "06746580": "announcement",
    "06726158": "proclamation",
    "06613056": "quotation",
    "07151380": "saying",
    "07109730": "words (spoken)",
    "07226545": "promise",
    "07224151": "warning",
    "06672297": "admonition",
}


def speech_nouns(senses, wn, fw, reporting_infinitives, verb_forms=frozenset()):
    """Nouns for what someone said: (WordNet nouns, -ing nouns of reporting
    verbs). A lemma counts by its noun senses only (a Dutch lemma may also
    map to the verb it derives from)."""
    anc = {}

    def under_root(off):
        if off not in anc:
            anc[off] = bool((wn.ancestors("n", off) | {off}) & SPEECH_NOUN_ROOTS.keys())
        return anc[off]

    def communication(p, o):
        return p == "n" and wn.syn["n"][o][0] == NOUN_COMMUNICATION

    from_wn, from_verbs = set(), set()
    for lemma in sorted(senses):
        # a verb used as a noun (citeren, aanhalen) is read as the verb
        if not usable(lemma, fw) or lemma in verb_forms or any(p == "v" for p, _ in senses[lemma]):
            continue
        nouns = {(p, o) for p, o in senses[lemma] if p == "n"}
        if nouns and in_class(nouns, wn, lambda p, o: not wn.syn["n"][o][2] and under_root(o))[0]:
            from_wn.add(lemma)
    for inf in sorted(reporting_infinitives):
        if inf.endswith("en") and " " not in inf:
            noun = inf[:-2] + "ing"
            # the -ing noun names what was said when most of its noun senses
            # are in noun.communication (verklaring), not an act or a thing
            # (vervolging, verzekering)
            nouns = {(p, o) for p, o in senses.get(noun, ()) if p == "n"}
            if nouns and usable(noun, fw) and in_class(nouns, wn, communication)[0]:
                from_verbs.add(noun)
    return from_wn, from_verbs - from_wn


def speech_noun_lines(nouns, irregular):
    """Every form, singular and plural, one a line (no tags: a phrase "NOUN
    van X" reads the same for both)."""
    # the endings of nouns of things that the person-noun plurals lack
    irregular = dict(irregular, nis=["nissen"], schap=["schappen"])
    forms = set()
    for noun in nouns:
        forms.add(noun)
        forms.update(inflect.plural(noun, irregular))
    return sorted(forms)


# --- output ------------------------------------------------------------------

HAND_ONLY = """# Source: the hand list named above (facts of Dutch), forms by the rules of
# common/tools/quote_lexicon/inflect.py. Generated by
# common/tools/make-quote-lexicon.py; do not edit: change the hand list and
# run it again."""


def header(name, what, fmt, counts, derived=True):
    return "# %s — %s\n# Format: %s\n# %s\n%s\n" % (name, what, fmt, counts,
                                                      LICENCE if derived else HAND_ONLY)


def person_lines(person, heads, irregular):
    lines = {}
    for noun, tags in sorted(person.items()):
        g = gender(noun, tags, heads)
        base = sorted(t for t in tags if t in ("kin", "inh", "role"))
        if g:
            base.append(g)
        lines[noun] = " ".join([noun] + base)
        for pl in inflect.plural(noun, irregular):
            if pl not in person and pl not in first_names():
                lines.setdefault(pl, " ".join([pl, "pl"] + base))
    return [lines[k] for k in sorted(lines)]


def plural_lines(nouns, irregular):
    lines = {}
    for noun in sorted(nouns):
        lines[noun] = noun
        for pl in inflect.plural(noun, irregular):
            if pl not in nouns and pl not in first_names():
                lines.setdefault(pl, pl + " pl")
    return [lines[k] for k in sorted(lines)]


def verb_lines(lemmas, strong, participles=True, first_person=True):
    seen, out = set(), []
    for lemma in lemmas:
        for line in inflect.verb_lines(inflect.conjugate(lemma, strong), participles, first_person):
            if line not in seen:
                seen.add(line)
                out.append(line)
    return out


def main(argv):
    args = argv[1:]
    opts = {"--lexical": None, "--wordnet": None, "--out": None}
    check = False
    while args:
        if args[0] == "--check":
            check, args = True, args[1:]
        elif args[0] in opts and len(args) > 1:
            opts[args[0]], args = args[1], args[2:]
        else:
            sys.stderr.write(__doc__)
            return 64
    lexdir = opts["--lexical"] or default_dir([os.path.join(ROOT, "..", "shared", "data", "lexical"),
                                                "/work/shared/data/lexical"])
    wndir = opts["--wordnet"] or default_dir(["/usr/share/wordnet"])
    out = opts["--out"] or os.path.join(ROOT, "common", "lang", "nl")
    if not lexdir or not wndir:
        sys.stderr.write("make-quote-lexicon: needs the Open Dutch WordNet lists (--lexical DIR)"
                         " and wordnet-base (--wordnet DIR, apt-get install wordnet-base)\n")
        return 66

    wn = WordNet(wndir)
    fw = function_words() | first_names()
    senses, shifts = dutch_senses(lexdir, wn)
    person, group, org, wn_verbs = classify(senses, wn, fw)
    strong = {r[0]: r for r in read_list(os.path.join(HAND, "strong-verbs.txt"), tagged=True)}
    irregular = {r[0]: r[1:] for r in read_list(os.path.join(HAND, "irregular-plurals.txt"), tagged=True)}
    heads = {r[0]: r[1] for r in read_list(os.path.join(HAND, "gender-heads.txt"), tagged=True)}
    wn_person = len(person)
    hand_person = read_list(os.path.join(HAND, "person-nouns.txt"), tagged=True)
    for row in hand_person:
        person.setdefault(row[0], set()).update(row[1:])
    wn_org = len(org)
    org |= set(read_list(os.path.join(HAND, "organisation-nouns.txt")))
    group -= org
    hand_verbs = read_list(os.path.join(HAND, "reporting-verbs.txt"))
    opinion = read_list(os.path.join(HAND, "opinion-verbs.txt"))
    naming = read_list(os.path.join(HAND, "naming-verbs.txt"))
    if set(naming) - set(hand_verbs):
        sys.stderr.write("make-quote-lexicon: naming-verbs.txt: not in reporting-verbs.txt: %s\n"
                         % " ".join(sorted(set(naming) - set(hand_verbs))))
        return 65

    hand_inf = {v.split(":")[0].rstrip("*!").replace("|", "").split(" ~ ")[0] for v in hand_verbs}
    opinion_inf = {v.split(":")[0].rstrip("*!").replace("|", "") for v in opinion}
    known = {lemma for lemma in senses if lemma.endswith("en")}
    extra = [inflect.mark_particle(v, known) for v in sorted(wn_verbs - hand_inf - opinion_inf)]
    speech = ["aldus"] + verb_lines(hand_verbs + extra, strong)
    noun_wn, noun_verbs = speech_nouns(senses, wn, fw, {v.replace("|", "") for v in hand_inf},
                                       {line.split()[0] for line in speech})
    hand_nouns = set(read_list(os.path.join(HAND, "speech-nouns.txt"))) - noun_wn - noun_verbs
    files = {
        "quotes-speech-verbs.txt": (
            "reporting verbs that attribute a quotation to a speaker (zegt,\n"
            "# fluisterde, voegde … toe), every finite form with a third-person or plural subject and the participle,\n"
            "# the first person present with \"ik\" after it (zeg ik); \"aldus\" behaves like one\n"
            "# (subject after it).",
            "FORM [PARTICLE...]; a line with a particle is a separable verb or a verb\n"
            "# with a fixed word (voegt toe, liet weten): the form counts only when the\n"
            "# particle follows it in the same clause. Lower case.",
            "%d hand-listed verbs (common/tools/quote_lexicon/reporting-verbs.txt) and %d\n"
            "# from WordNet verb.communication; %d lines." % (len(hand_verbs), len(extra), len(speech) - 1),
            speech),
        "quotes-opinion-verbs.txt": (
            "verbs of opinion and knowledge that attribute a quotation\n"
            "# (vindt, meent, dacht); finite forms only (gezien, gevonden are mostly\n"
            "# not verbs of attribution), and no first person present (hoop, twijfel,\n"
            "# geloof are mostly nouns, and an opinion verb's form is one everywhere).",
            "as quotes-speech-verbs.txt.",
            "%d hand-listed verbs (common/tools/quote_lexicon/opinion-verbs.txt)." % len(opinion),
            verb_lines(opinion, strong, participles=False, first_person=False)),
        "quotes-naming-verbs.txt": (
            "the reporting verbs that name or qualify something, so\n"
            "# that what they call it may follow \"als\" (omschreef hij zich als '…').",
            "as quotes-speech-verbs.txt.",
            "%d hand-listed verbs (common/tools/quote_lexicon/naming-verbs.txt)." % len(naming),
            verb_lines(naming, strong)),
        "quotes-person-nouns.txt": (
            "nouns for a person (vader, buurvrouw, verpleegster,\n"
            "# duitser, woordvoerder), singular and plural: a noun phrase headed by one\n"
            "# can be a speaker.",
            "FORM [TAG...]. Tags: pl (plural), role (an occupation, function or\n"
            "# title: may stand before a name), kin (kinship), inh (inhabitant,\n"
            "# nationality), f / m (names a woman / a man). Lower case.",
            "%d nouns of WordNet noun.person, %d more by hand\n"
            "# (common/tools/quote_lexicon/person-nouns.txt)."
            % (wn_person, len(person) - wn_person),
            person_lines(person, heads, irregular)),
        "quotes-group-nouns.txt": (
            "nouns for a group of people that can speak as one\n"
            "# (de bewoners, het publiek, de menigte, de familie).",
            "FORM [pl]. Lower case.",
            "%d nouns under WordNet social_group, people or gathering (organisations\n"
            "# left out)." % len(group),
            plural_lines(group, irregular)),
        "quotes-organisation-nouns.txt": (
            "nouns for an organisation, a body that speaks as a\n"
            "# whole (politie, regering, vakbond, ministerie).",
            "FORM [pl]. Lower case.",
            "%d nouns under WordNet organization, %d more by hand\n"
            "# (quote_lexicon/organisation-nouns.txt)." % (wn_org, len(org) - wn_org),
            plural_lines(org, irregular)),
        "quotes-speech-nouns.txt": (
            "nouns for what someone said or wrote (uitspraak,\n"
            "# verklaring, woorden): \"een uitspraak van X\" attributes a quotation to X.",
            "FORM, singular and plural. Lower case.",
            "%d nouns under WordNet remark, declaration, answer, announcement,\n"
            "# quotation, saying, words, promise or warning; %d -ing nouns of the hand-listed\n"
            "# reporting verbs; %d by hand (quote_lexicon/speech-nouns.txt)."
            % (len(noun_wn), len(noun_verbs), len(hand_nouns)),
            speech_noun_lines(noun_wn | noun_verbs | hand_nouns, irregular)),
    }
    changed = []
    for name, (what, fmt, counts, lines) in files.items():
        derived = name not in ("quotes-opinion-verbs.txt", "quotes-naming-verbs.txt")
        text = header(name, what, fmt, counts, derived) + "".join(l + "\n" for l in lines)
        path = os.path.join(out, name)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            changed.append(name)
            if not check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    sys.stderr.write("make-quote-lexicon: verb offsets shifted by %d; person %d, group %d, "
                     "organisation %d, speech verbs %d hand + %d WordNet; %s %s\n"
                     % (shifts["v"], len(person), len(group), len(org), len(hand_verbs), len(extra),
                        "differ:" if check else "written:", " ".join(changed) or "none"))
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
