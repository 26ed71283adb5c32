/* salience.h — internal to extract-quotes: which person a mention stands
 * for, and which mention a stretch of text is about (attribution.c asks
 * both when a quotation has no speaker beside it).
 *
 * D is the document of mentions.h; QUOTE_PERSON gives, for each quotation
 * (a mention of type M_QUOTE), the person already found to have said it, or
 * -1. Persons are indexes into D->per, mentions into D->men, sentences and
 * paragraphs the numbers in D->tok. Resolving a mention caches its person
 * in D (mention.resolved), so D is written to.
 */
#ifndef ZEEF_SALIENCE_H
#define ZEEF_SALIENCE_H

#include "mentions.h"

/* The person mention M stands for: a name's own person, a pronoun's or a
 * definite description's antecedent ("hij", "de Amerikaanse president"),
 * a quotation's speaker; -1 when unknown. */
int salience_person(struct doc *d, const int *quote_person, int m);

/* The mention the text is about just before mention FROM (inclusive): in
 * the nearest sentence with subject-like mentions of people, the first of
 * them; within MAX_BACK sentences of SENT and, when PARA >= 0, within that
 * paragraph; failing that the nearest person in any position, then the
 * nearest subject-like name of anything. A mention index or -1. */
int salience_before(struct doc *d, const int *quote_person, int from, int sent, int max_back,
                    int para);

/* Mention M (from salience_before) when it lies in paragraph HERE_PARA;
 * across a paragraph break, a person named more often in the document and
 * mentioned within MAX_BACK sentences of SENT, when there is one. */
int salience_topic(struct doc *d, const int *quote_person, int m, int from, int sent,
                   int max_back, int here_para);

#endif
