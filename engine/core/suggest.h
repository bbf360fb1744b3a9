/* suggest.h: "did you mean ...?" for a misspelt name: the edit distance between two names and
 * the closest of a list of known names. */
#ifndef LADDER_SUGGEST_H
#define LADDER_SUGGEST_H

#include <stddef.h>

/* The optimal string alignment distance between a and b (Damerau-Levenshtein with each
 * substring edited once): insertions, deletions, substitutions and swaps of two neighbouring
 * bytes each count 1. Bytes, not characters (names are ASCII identifiers). Names longer than
 * SUGGEST_MAX_LEN bytes are not compared: the result is then SUGGEST_FAR. */
int suggest_distance(const char *a, const char *b);
#define SUGGEST_MAX_LEN 64
#define SUGGEST_FAR 1000

/* The search for the known name closest to a misspelt one. */
typedef struct Suggest {
    const char *name; /* the misspelt name (borrowed) */
    const char *best; /* the closest candidate so far (borrowed from the caller), or NULL */
    int best_d;
} Suggest;

/* Start a search for names close to name (borrowed for the search's life). */
void suggest_init(Suggest *sg, const char *name);
/* Consider a candidate (borrowed: it must outlive the use of suggest_best). A candidate equal
 * to the name, or further than a slip of the keyboard (1 edit for names of 3 or 4 bytes, 2 up
 * to 8, else 3; names shorter than 3 bytes get no suggestion), is ignored; of equally close ones the first offered wins. */
void suggest_offer(Suggest *sg, const char *candidate);
/* The closest candidate offered, or NULL when none was close enough (borrowed as offered). */
const char *suggest_best(const Suggest *sg);

#endif
