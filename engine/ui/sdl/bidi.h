/* bidi.h: the visual order of right-to-left text in a line (the Unicode Bidirectional
 * Algorithm, UAX #9, through FriBidi): a paragraph is analysed once, each of its wrapped lines
 * reordered alone, as UAX #9 section 3.4 ("Reordering Resolved Levels") prescribes. */
#ifndef LADDER_BIDI_H
#define LADDER_BIDI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A paragraph's resolved embedding levels (odd: right to left). */
typedef struct BidiPara {
    size_t n;
    uint32_t *types;   /* FriBidiCharType of each code point */
    uint8_t *levels;   /* FriBidiLevel of each code point (a line's reordering adjusts them) */
    int *map;          /* after bidi_line_runs: the logical index at each visual place */
    int base;          /* the paragraph's FriBidiParType (FRIBIDI_PAR_LTR or _RTL) */
    bool rtl;          /* the paragraph runs right to left (its first strong letter, rule P2) */
} BidiPara;

/* One stretch of a line in visual order: code points from..to (logical indices, inclusive) of
 * one group at one level, drawn right to left when rtl; a gap is one code point of group -1
 * (a space between two groups), drawn as a space. */
typedef struct BidiRun {
    int from, to;
    bool rtl, gap;
} BidiRun;

/* Analyse the paragraph cps[0..n) (rules P2-P3: its direction from its first strong
 * character, left to right when it has none; X1-I2 and L1 parts 1-3 by FriBidi's
 * fribidi_get_par_embedding_levels_ex). Returns true and fills p (free it with bidi_free)
 * when something in it runs right to left; false, with p left empty, when the whole paragraph
 * is left to right at level 0 (nothing to reorder) or on a FriBidi failure (memory). */
bool bidi_analyse(BidiPara *p, const uint32_t *cps, size_t n);
/* The line of paragraph p from code point off, len long, as runs in visual order, left to
 * right (rules L1 part 4 and L2 by fribidi_reorder_line; L3 and L4 - marks and mirrored
 * brackets - are HarfBuzz's when a right-to-left run is shaped). group[i] is the code point's
 * drawing group (its font and style: a run never crosses groups), -1 for a gap. Writes at
 * most len runs to out (len entries); returns how many. */
size_t bidi_line_runs(BidiPara *p, const int *group, size_t off, size_t len, BidiRun *out);
void bidi_free(BidiPara *p);

/* True for a character of a right-to-left script's block (Hebrew to Arabic Extended-A and
 * their presentation forms; Phoenician to Old Turkic, Adlam and the Arabic mathematical
 * letters) or a right-to-left mark, embedding, override or isolate: a paragraph without one
 * reads left to right and needs no bidi analysis. */
bool bidi_right_to_left_char(uint32_t cp);
/* True when the UTF-8 text (NUL-ended) has a character bidi_right_to_left_char names. */
bool bidi_has_right_to_left(const char *text);

#endif
