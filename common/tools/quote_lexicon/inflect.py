"""inflect.py — Dutch verb and noun forms by the rules of Dutch spelling, for
make-quote-lexicon.py. Python 3 standard library only.

Verbs: a weak (regular) verb gets its forms by rule: the stem is the
infinitive without -en, a doubled final consonant undoubled (zeggen: zeg), an
open-syllable vowel doubled (vragen: vraag), a final v/z written f/s
(beloven: beloof); the past adds -te(n) after a stem whose last sound is in
't kofschip (t, k, f, s, ch, p, x) and -de(n) otherwise, judged on the
infinitive's consonant (beloven: beloofde, lachen: lachte); the participle
takes ge- unless the verb begins with an unstressed prefix (be-, ge-, her-,
er-, ont-, ver-) and ends in -d or -t like the past (gemeld, gezucht). A
strong or irregular verb takes its forms from the table (strong-verbs.txt);
a prefixed verb whose last part is in the table inherits its forms.

Nouns: plurals by rule (-s after -el, -em, -en, -er, -je, a full vowel; -en
otherwise, with the spelling of the stem adapted: baas: bazen, zus: zussen),
exceptions from a table.
"""

VOWELS = "aeiouyáéíóúàèëïöüâêîôû"
KOFSCHIP = ("t", "k", "f", "s", "ch", "p", "x")
UNSTRESSED_PREFIXES = ("be", "ge", "her", "er", "ont", "ver", "weer", "onder", "over", "door", "om",
                       "mis", "vol", "voor")
# Particles that always separate (voegt … toe): a verb that begins with one
# is separable. Ambiguous ones (door, over, onder, om, voor) are left out:
# a verb the hand list writes without "|" (omschrijven) is inseparable.
SEPARABLE_PARTICLES = ("aan", "af", "bij", "in", "mee", "mede", "na", "op", "terug", "toe", "uit",
                       "weg", "tegen", "vast", "los", "samen", "neer", "voort", "rond",
                       "binnen", "buiten", "achter", "terecht")


def is_vowel(c):
    return c in VOWELS


class Verb:
    """The forms of one verb. particle: a separable particle (toe|voegen) or
    None; phrasal: a word that follows the finite verb without joining it
    (laten ~ weten)."""

    def __init__(self, lemma, forms, particle=None, phrasal=None):
        self.lemma = lemma
        self.forms = forms          # dict: pres1, pres3, pl, past, pastpl, part, old[]
        self.particle = particle
        self.phrasal = phrasal


def weak_stem(inf):
    """The stem of a weak verb and the consonant that decides -de/-te."""
    if not inf.endswith("en") or len(inf) < 4:
        raise ValueError("not an infinitive in -en: %r" % inf)
    stem = inf[:-2]
    voicing = stem[-2:] if stem.endswith("ch") else stem[-1]
    if len(stem) >= 2 and stem[-1] == stem[-2] and not is_vowel(stem[-1]):
        stem = stem[:-1]
    elif (len(stem) >= 3 and not is_vowel(stem[-1]) and is_vowel(stem[-2])
          and not is_vowel(stem[-3]) and stem[-2] in "aeou" and stem[-1] != "w"
          and not _schwa(stem)):
        stem = stem[:-1] + stem[-2] + stem[-1]
    if stem.endswith("v"):
        stem = stem[:-1] + "f"
    elif stem.endswith("z"):
        stem = stem[:-1] + "s"
    return stem, voicing


def _schwa(stem):
    """An unstressed e before a final r, l, n or m after an earlier vowel:
    fluister, mompel, wandel (not doubled)."""
    if stem[-2] != "e" or stem[-1] not in "rlnm":
        return False
    return any(is_vowel(c) for c in stem[:-3])


def has_unstressed_prefix(verb):
    return any(verb.startswith(p) and len(verb) > len(p) + 3 for p in UNSTRESSED_PREFIXES)


def weak_forms(inf, stem=None):
    s, voicing = weak_stem(inf)
    if stem:                       # an explicit stem from the list
        s = stem
        voicing = stem[-2:] if stem.endswith("ch") else stem[-1]
        if inf[:-2].endswith(("v", "z")):
            voicing = inf[-3]
    past_end = "te" if voicing in KOFSCHIP else "de"
    past = s + past_end
    part_end = "" if s[-1] in "dt" else past_end[0]
    part = (s if has_unstressed_prefix(inf) else with_ge(s)) + part_end
    return {"pres1": s, "pres3": third_person(s), "pl": inf, "past": past,
            "pastpl": past + "n", "part": part, "old": []}


def stressed_stem(inf):
    """The stem of a verb in stressed -eren or -elen (French loans:
    concluderen: concludeer, reageren: reageer)."""
    return inf[:-4] + "ee" + inf[-3]


def with_ge(s):
    """ge- before a stem, with a diaeresis where the vowels would merge
    (geïnformeerd, geëist)."""
    marks = {"e": "ë", "i": "ï", "u": "ü"}
    if s[0] in marks:
        return "ge" + marks[s[0]] + s[1:]
    return "ge" + s


def third_person(s):
    """Present third person singular: stem + t (zegt), not after t (zucht);
    a stem in one a doubles it (gaat, staat)."""
    if s.endswith("t"):
        return s
    if s.endswith("a") and not s.endswith("aa"):
        return s + "at"
    return s + "t"


def strong_forms(row, prefix="", inseparable=False):
    """Forms from a table row (infinitive, past sg, past pl, participle,
    present sg stem or '-', older forms...), for the verb prefix+infinitive."""
    inf, past, pastpl, part, pres = row[:5]
    old = row[5:]
    if pres == "-":
        pres = weak_stem(inf)[0]
    pres3 = third_person(pres)
    if prefix:
        if inseparable and part.startswith("ge"):
            part = part[2:]
        return {"pres1": prefix + pres, "pres3": prefix + pres3, "pl": prefix + inf,
                "past": prefix + past, "pastpl": prefix + pastpl, "part": prefix + part,
                "old": [prefix + o for o in old]}
    return {"pres1": pres, "pres3": pres3, "pl": inf, "past": past, "pastpl": pastpl,
            "part": part, "old": list(old)}


def conjugate(lemma, strong, stem=None):
    """A Verb for LEMMA: 'voegen', 'toe|voegen' (separable), 'laten ~ weten'
    (phrasal), 'concluderen*' (stressed -eren: concludeer), 'beamen:beaam'
    (an explicit stem), 'luiden!' (no participle: geluid is a noun). STRONG
    maps an infinitive to its table row."""
    if ":" in lemma:
        lemma, stem = lemma.split(":")
    no_participle = lemma.endswith("!")
    lemma = lemma.rstrip("!")
    if lemma.endswith("*"):
        lemma = lemma[:-1]
        stem = stressed_stem(lemma.split("|")[-1])
    phrasal = None
    if " ~ " in lemma:
        lemma, phrasal = lemma.split(" ~ ")
    particle = None
    base = lemma
    if "|" in lemma:
        particle, base = lemma.split("|")
    forms = None
    if base in strong:
        forms = strong_forms(strong[base])
    else:
        for p in sorted(UNSTRESSED_PREFIXES, key=len, reverse=True):
            if base.startswith(p) and base[len(p):] in strong:
                forms = strong_forms(strong[base[len(p):]], p, inseparable=True)
                break
    if forms is None:
        forms = weak_forms(base, stem)
    if no_participle:
        forms["part"] = None
    return Verb(lemma.replace("|", ""), forms, particle, phrasal)


def mark_particle(verb, known):
    """Mark a verb of another source the way the hand lists are written:
    'toe|voegen' when it begins with a separable particle and goes on with a
    verb in KNOWN (so affirmeren stays whole); 'concorderen*' for a loan in
    -eren of three syllables or more without a Germanic prefix (stressed:
    concordeer)."""
    for p in sorted(SEPARABLE_PARTICLES, key=len, reverse=True):
        if verb.startswith(p) and verb[len(p):] in known:
            return p + "|" + verb[len(p):]
    if verb.endswith(("eren", "ëren")) and syllables(verb) >= 3 and \
            not verb.startswith(UNSTRESSED_PREFIXES):
        return verb + "*"
    return verb


def syllables(word):
    """The number of vowel groups."""
    n, prev = 0, False
    for c in word:
        v = is_vowel(c)
        if v and not prev:
            n += 1
        prev = v
    return n


def finite_forms(v):
    """Present third person and plural, past singular and plural, older
    forms. The first person present (the bare stem: zeg, vraag, antwoord,
    hoop) is left out: in running text it is mostly a noun (vraag, antwoord,
    verhaal, besluit); verb_lines adds it paired with "ik"."""
    f = v.forms
    return [f["pres3"], f["pl"], f["past"], f["pastpl"]] + f["old"]


def verb_lines(v, participles=True, first_person=True):
    """Lines in the format of quotes-speech-verbs.txt: FORM, or FORM PARTICLE
    for a separable verb split in a main clause; the participle too when
    PARTICIPLES. With FIRST_PERSON, the first person present, which counts
    only with "ik" after it in its clause ("vraag ik", "zeg ik maar"): so it
    is the verb, not the noun (de vraag, het antwoord)."""
    out = []
    fin = finite_forms(v)
    if first_person and not v.particle and not v.phrasal and v.forms["pres1"] not in fin:
        out.append("%s ik" % v.forms["pres1"])
    if v.particle:
        p = v.particle
        out += ["%s %s" % (x, p) for x in fin]
        out += [p + x for x in fin]                      # subordinate clause: toevoegt
        if participles and v.forms["part"]:
            out.append(p + v.forms["part"])              # toegevoegd
    elif v.phrasal:
        out += ["%s %s" % (x, v.phrasal) for x in fin]
    else:
        out += fin + ([v.forms["part"]] if participles and v.forms["part"] else [])
    return out


# --- nouns ---------------------------------------------------------------

def plural(noun, irregular):
    """Plural forms of a Dutch person or group noun (a list: some endings
    allow two)."""
    if noun in irregular:
        return irregular[noun]
    for head, pl in sorted(irregular.items(), key=lambda kv: -len(kv[0])):
        if noun.endswith(head) and len(noun) > len(head) + 2:
            return [noun[:-len(head)] + p for p in pl]
    n = noun
    if n.endswith("man") and len(n) > 4:
        return [n[:-3] + "mannen", n[:-3] + "lieden"]
    if n.endswith("e"):
        return [n + "s", n + "n"]
    if n[-1] in "aiouyé":
        return [n + "'s"]
    if n.endswith("icus"):
        return [n[:-2] + "i"]
    if (n.endswith(("el", "em", "en", "er")) and not is_vowel(n[-3])) or \
            n.endswith(("je", "eur", "ier", "aar")):
        return [n + "s"]
    if n.endswith(("ing", "ling")):
        return [n + "en"]
    return [_en_plural(n)]


def _en_plural(n):
    # a doubled long vowel before one final consonant is written single
    if len(n) >= 3 and not is_vowel(n[-1]) and n[-2] == n[-3] and n[-2] in "aeou" \
            and (len(n) == 3 or not is_vowel(n[-4])):
        n = n[:-2] + n[-1]
        return _voiced(n) + "en"
    if n.endswith(("ie", "ee")):
        return n + "ën"
    # a short vowel in a stressed final syllable doubles the consonant
    if len(n) >= 3 and not is_vowel(n[-1]) and n[-1] not in "wx" and is_vowel(n[-2]) \
            and not is_vowel(n[-3]) and not n.endswith(("ik", "ig", "isch")) and _one_syllable_or_stressed(n):
        return n + n[-1] + "en"
    return _voiced_long(n) + "en"


def _one_syllable_or_stressed(n):
    groups = 0
    prev = False
    for c in n:
        v = is_vowel(c)
        if v and not prev:
            groups += 1
        prev = v
    return groups == 1 or n.endswith(("es", "in", "at", "et", "it", "ot", "ut", "ol", "al"))


def _voiced(n):
    if n.endswith("f"):
        return n[:-1] + "v"
    if n.endswith("s"):
        return n[:-1] + "z"
    return n


def _voiced_long(n):
    """f/s after a long vowel or diphthong become v/z (Fries: Friezen)."""
    if len(n) >= 3 and n[-1] in "fs" and is_vowel(n[-2]) and is_vowel(n[-3]):
        return _voiced(n)
    return n
