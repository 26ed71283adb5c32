/* attrib.h — internal to extract-quotes: the state of one attribution run
 * over a text, shared by cues.c (is a quotation speech, its kind and cue),
 * features.c (who may have said it, and why) and attribution.c (the loop
 * over the text). See attribution.h for the public side.
 */
#ifndef ZEEF_QUOTES_ATTRIB_H
#define ZEEF_QUOTES_ATTRIB_H

#include "attribution.h"
#include "doc.h"
#include "perceptron.h"

/* The speakers of the latest quotations, newest first. */
enum { HISTORY = 4 };
struct spoken {
	int32_t quote;         /* its index */
	int32_t person;        /* who said it, -1 */
	int32_t vocative;      /* whom it addressed, -1 */
	int32_t tok;           /* its token */
	int32_t subject;       /* the mention at its cue, -1 */
	uint32_t para, sent;
};

/* The reporting verbs and phrases of the sentence being read, found once
 * (cues.c): every quotation of a sentence asks for its first cue. */
struct cue_memo {
	uint32_t sent;          /* sentence */
	size_t first, to;       /* its first token; tokens before TO are seen */
	long verb, verb_subject;     /* first reporting verb with a speaker */
	long phrase, phrase_last, phrase_subject;  /* first cue phrase with one */
	long last_cue;          /* latest reporting verb or phrase, -1 */
	long last_quote;        /* latest quotation token of the sentence, -1 */
	long last_sub;          /* latest subordinating word that is no
	                           complementizer ("toen", not "dat"), -1 */
	int fronted;            /* the sentence opens with such a word and
	                           no main clause's verb has come yet */
	long next_verb, next_subject;  /* a reporting verb with its own subject
	                           in a clause after a quotation of the
	                           first (next_clause), -1 */
	long relative;          /* the relative pronoun opening a relative
	                           clause after a comma, until its closing
	                           comma ("Ruggiu, die schuld bekende,"), -1 */
};

/* Turns of a dialogue: the quotations of one person in one paragraph
 * are one turn; newest first. */
struct turn {
	int32_t person;
	uint32_t para;
	int question;          /* its last quotation asks something */
};

/* Of each result: its paragraph, and the gender a pronoun at its cue asks
 * for (GENDER_*, PRONOUN_NONE when the cue holds no singular pronoun of
 * the third person). */
enum { NO_PARA = UINT32_MAX, PRONOUN_NONE = 255 };
struct result_turn {
	uint32_t para;
	uint8_t pronoun;
};

struct attributor {
	struct quotes_lexicon lx;
	struct quote_marks *marks;
	struct doc d;
	struct perceptron model;
	int have_model;
	int indirect;
	struct cue_memo memo;
	struct spoken hist[HISTORY];
	int nhist;
	struct turn turns[HISTORY];
	int nturns;
	/* the people named by name lately, newest first, with the token of
	 * their latest name (features.c), and the token up to which the text
	 * was read for them */
	struct named { int32_t person; size_t tok; } named[HISTORY];
	int nnamed;
	size_t named_to;
	/* results, in text order */
	struct attributed_quote *res;
	size_t nres, rescap;
	/* what the filling of quotations without a speaker needs of each
	 * result (attribution.c); NO_PARA for indirect speech */
	struct result_turn *turn_of;
	size_t nturn_of, turn_of_cap;
	/* features of the candidates of one quotation */
	uint32_t *feat;          /* ncand * FEAT_MAX */
	size_t *nfeat;
	int32_t *cand;
	size_t ncand;
	/* training: gold speakers (train.c), NULL when tagging */
	struct gold_doc *gold;
	struct train_stats *stats;
};

/* cuememo.c: read the tokens of quotation token QT's sentence before QT
 * into a->memo; whether the sentence whose first token is FIRST opens with
 * a subordinate clause; whether a cue phrase opening the sentence names the
 * source over its clause's verb (a bare plural subject after it). */
void cues_memo_scan(struct attributor *a, size_t qt);
int cues_opens_with_subordinate_clause(const struct doc *d, size_t first);
int cues_source_opens(const struct doc *d, const struct cue_memo *m);
/* cues.c: decide for quotation QI (its token in the window) whether it is
 * speech, its kind, its cue and the mention at the cue. Mentions must be
 * found up to a few tokens past it. Returns 0 or -1 (out of memory). */
int cues_of_quote(struct attributor *a, size_t qi);
/* forms.c: indirect speech in the sentence of tokens [FIRST, END) (no
 * quotation in it); adds a result. Returns 0 or -1. */
int cues_indirect(struct attributor *a, size_t first, size_t end);
/* forms.c: what the form of quotation token QT says: after a term marker
 * (not one a naming verb before it takes as its object) or before a year
 * in brackets (unless it ends with a full stop) it is a title or a term;
 * followed by a
 * comma and words without a reporting verb, an item of a listing; after
 * a comma or "en" right after a quotation left out, the next item of its
 * series; the opening bracket it stands inside (-1 when none); and whether
 * span Q ends like a sentence or holds five words or more. */
int forms_title_of_work(const struct doc *d, size_t qt);
int forms_listed_item(const struct doc *d, size_t qt);
int forms_after_dropped_item(const struct doc *d, size_t qt);
long forms_open_bracket(const struct doc *d, size_t qt);
int forms_utterance_like(const struct doc *d, const struct quote_span *q);
/* cuewords.c: how far before and after a cue word its speaker is looked
 * for, in tokens. */
enum { CUE_BACK_REACH = 60, CUE_AFTER_REACH = 5 };
/* cues.c, forms.c: how far after a quotation the rest of its sentence is
 * read for a reporting clause, in tokens. */
enum { CUE_END_REACH = 30 };
/* cuewords.c: the mention at token T, -1 when none (or T is out of the
 * window); a pronoun mention that is only an object ("hem", "haar"). */
long cues_mention_at(const struct doc *d, size_t t);
int cues_object_only(const struct mention *m);
/* cuewords.c: the first mention within a few tokens after the verb at V in
 * its clause; the subject of the reporting verb at V. -1 when none. */
long cues_speaker_after(const struct doc *d, size_t v);
long cues_speaker_of_verb(const struct doc *d, size_t v);
/* cuewords.c: the subject after the reporting verb at V that follows a
 * quotation: cues_speaker_after's mention, but not one after "door" unless
 * V is a participle, whose agent it is ("'…' voelde door de gemeente":
 * none; "'…', werd gezegd door de minister"). */
long cues_subject_after_verb(const struct doc *d, size_t v);
/* cuewords.c: the nearest subject-like mention before V in its sentence,
 * not across a quotation; the speaker before the colon at token COLON (the
 * sentence's first subject, else the nearest). -1 when none. */
long cues_speaker_before(const struct doc *d, size_t v);
long cues_speaker_before_colon(const struct doc *d, size_t colon);
/* cuewords.c: tokens of the cue phrase starting at T, 0 when none; of a
 * noun for what was said with its preposition ("uitspraak van"), 2 or 0. */
size_t cues_phrase_at(const struct doc *d, size_t t);
size_t cues_speech_noun_at(const struct doc *d, size_t t);
/* cuewords.c: the token of a noun for what was said that is the subject
 * of the copula or reporting verb at T right after quotation token QT
 * ("“…”, luidde de verklaring van X"), else 0. */
size_t cues_speech_noun_subject(const struct doc *d, size_t qt, size_t t);
/* cuewords.c: the NP-word cue phrase at T attributes to the subject before
 * it ("naar eigen zeggen"); the speaker of the cue phrase at T. */
int cues_self_phrase(const struct doc *d, size_t t, size_t np);
long cues_phrase_speaker(const struct doc *d, size_t t, size_t np);
/* cuewords.c: ", VERB SUBJECT", an inverted clause right after quotation
 * token QT, whatever the verb ("…", pruilde Anna): its subject mention,
 * the reporting verb in *V (one closing the clause after an auxiliary),
 * else -1. */
long cues_inverted_clause(const struct doc *d, size_t qt, size_t *v);

/* At most this many features per candidate (a->feat holds FEATURES_MAX
 * per candidate). */
enum { FEATURES_MAX = 72, CANDIDATES_MAX = 14 };

/* The bucket of value V among N ascending EDGES: the number of edges it
 * exceeds (features.c, speech.c). */
static inline size_t feature_bucket(long v, const long *edges, size_t n)
{
	size_t b = 0;
	while (b < n && v > edges[b])
		b++;
	return b;
}

/* candidates.c: the person the quoted text [S, E) addresses by name
 * (a vocative: "Magloire, breng mij", "gelijk, Watson"), VOCATIVE_UNKNOWN
 * when it addresses a name the text has not met (the narrator, as others
 * call him, often), -1 when none (or out of memory). */
enum { VOCATIVE_UNKNOWN = -2 };
int32_t quote_vocative(struct doc *d, size_t s, size_t e);

/* candidates.c: the candidate speakers of a quotation whose cue holds
 * SUBJ (NULL: none) into a->cand and a->ncand; the people mentioned most
 * recently, newest first, into RANKED (*NRANKED of CANDIDATES_RECENT).
 * Returns a->ncand. */
enum { CANDIDATES_RECENT = 8 };
size_t candidates_of_quote(struct attributor *a, const struct mention *subj, int32_t *ranked,
                           size_t *nranked);

/* candidates.c: the subjects of the narration between the quotation
 * before and W ("Japi keek op." before a bare quotation), newest first,
 * without the mention at the cue of the quotation before: the names,
 * pronouns and descriptions of named people that open their sentence (the
 * subject of a main clause, mostly); at most NARRATION of them, in W's
 * paragraph or the one before. */
enum { NARRATION = 4 };
struct narration {
	int32_t person[NARRATION];
	size_t n;
	int same_para;     /* the newest is in W's paragraph */
};
void narration_subjects(const struct attributor *a, const struct wquote *w,
                        struct narration *out);

/* candidates.c: which of the next two quotations after W the narrator
 * says by a cue right after it (a reporting verb, then "ik": `"…," zei
 * ik.`), found from the tokens alone: 0 none, else 1 + its place, with
 * its paragraphs from W's (0, 1, 2 further) in *WHERE. */
size_t narrator_ahead(const struct doc *d, const struct wquote *w, size_t *where);

/* candidates.c: the people named by name (not a place) in the 400 tokens
 * before W, newest first, at most NAMED of them, into OUT: recency that a
 * pronoun resolved to the wrong person does not move. Returns how many. */
enum { NAMED = HISTORY };
size_t named_lately(struct attributor *a, const struct wquote *w, int32_t *out);

/* candidates.c: the action beats of W, sentences of narration beside it
 * whose subject acts (`"Net op tijd." Hij zette de tas neer.`, `Marloes
 * schoof haar bord weg. "Ik heb genoeg."`): the person of the first
 * subject of the sentence right before W in its paragraph (or, when W
 * opens its paragraph, of the last sentence of the paragraph before,
 * BEFORE_PARA set) and of the clause right after it in its paragraph; -1
 * when none. A sentence that holds a quotation is no beat. */
struct beats {
	int32_t before, after;
	int before_para;
};
void beat_subjects(const struct doc *d, const struct wquote *w, struct beats *out);

/* features.c: the candidates of quotation QI and their features into
 * a->cand, a->feat, a->nfeat. Returns the number of candidates (0: none),
 * or -1 (out of memory). */
long features_of_quote(struct attributor *a, size_t qi);
/* features.c: the names of the features, for the model file: the speaker
 * ranker's first (features_speaker_count of them), then the speech
 * classifier's. */
size_t features_count(void);
size_t features_speaker_count(void);
void features_name(size_t i, char *buf, size_t cap, void *ctx);
long features_number(const char *name, size_t len, void *ctx);

/* speech.c: the features of quotation QI for the speech classifier (is a
 * fragment someone's words?) into OUT (at most SPEECH_FEATURES_MAX): cued
 * as CUE_KIND, the cue at tokens [CUE_FIRST, CUE_LAST]. Returns how many. */
enum { SPEECH_CUE_AFTER, SPEECH_CUE_VERB, SPEECH_CUE_PHRASE, SPEECH_CUE_COLON, SPEECH_CUE_END,
       SPEECH_CUE_NONE };
enum { SPEECH_FEATURES_MAX = 24 };
size_t speech_features(const struct attributor *a, size_t qi, int cue_kind, size_t cue_first,
                       size_t cue_last, uint32_t *out);
size_t speech_features_count(void);
void speech_feature_name(size_t i, char *buf, size_t cap);
long speech_feature_number(const char *name, size_t len);

/* train.c: in training, learn whether quotation QI is speech from its
 * features F (N) and the classifier's SCORE, when the gold or the scare
 * lists say. Returns 0 or -1. */
int train_speech(struct attributor *a, size_t qi, const uint32_t *f, size_t n, float score);

/* train.c: in training, learn from quotation QI, whose candidates are in
 * a->cand and the ranker's choice is candidate BEST: when the gold names a
 * speaker among the candidates and BEST is not one, one perceptron step.
 * Returns 0 or -1 (out of memory). */
int train_step(struct attributor *a, size_t qi, size_t *best);

#endif
