/* tokenize.h — Dutch word tokens with byte offsets.
 *
 * Shared by tag-entities, extract-quotes and summarize. A token is a word,
 * a number, or one punctuation mark; hyphenated compounds (`NAVO-chef`,
 * `G7-bijeenkomsten`) and abbreviations with dots (`o.a.`) are one token,
 * and so are web and e-mail addresses (TOK_OTHER).
 * Offsets are BYTES into the text, half-open. Never fails; linear time.
 */
#ifndef ZEEF_TOKENIZE_H
#define ZEEF_TOKENIZE_H

#include <stddef.h>

enum token_kind { TOK_WORD, TOK_NUMBER, TOK_PUNCT, TOK_OTHER };

struct token {
	size_t start, end;      /* bytes, [start, end) */
	enum token_kind kind;
};

/* A growable token list; zero-initialise it, free with token_list_free. */
struct token_list {
	struct token *tok;
	size_t n, cap;
};

/* Append the tokens of TEXT[0, LEN) to L, offsets shifted by BASE (so a
 * sentence can be tokenized with offsets into its document). Returns the
 * number of tokens added, or (size_t)-1 when out of memory. */
size_t tokenize(const char *text, size_t len, size_t base, struct token_list *l);
void token_list_free(struct token_list *l);

#endif
