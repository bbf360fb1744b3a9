/* handout.h: the participants' handout (issue 17): for each section, one or two printed pages
 * (A4 or Letter, assets/css/handout.css) to take home after the debrief: the story's premise,
 * the decisions that divided the room (the options with the room's shares, the question, the
 * lesson), what the articles advise in the story's own words (the lessons of the choices that
 * follow the advice), and the endings reached with their lessons. One page writer for both
 * makers of a handout: `ladder report --handout` (tools/report/handout.c: participants'
 * results files) and room mode (out/debrief.c: the room's votes), each filling HandoutSection. */
#ifndef LADDER_HANDOUT_H
#define LADDER_HANDOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/room.h"
#include "core/story.h"
#include "core/util.h"

/* One option of a decision. Strings borrowed. */
typedef struct HandoutOption {
    const char *text; /* the choice as the story words it (markup) */
    double share;     /* of the room (0 to 1): participants or votes; < 0: not counted */
    bool chosen;      /* the room's choice (room mode); shown in bold, "the room's choice" */
} HandoutOption;

/* A decision that divided the room. Strings borrowed. */
typedef struct HandoutDecision {
    const char *heading_html; /* the heading, as HTML (escaped by the caller) */
    const char *ask;          /* the scene's question for the room (markup), or NULL */
    const HandoutOption *options;
    size_t n_options;
    const char *lesson; /* the scene's or the room's choice's lesson (markup), or NULL */
} HandoutDecision;

/* An ending the room reached. Strings borrowed. */
typedef struct HandoutEnding {
    const char *title;  /* markup */
    double share;       /* of the room (0 to 1); < 0: not shown */
    const char *note;   /* plain text after the title ("the room's road"), or NULL */
    const char *lesson; /* markup; NULL: the ending is left out unless `keep` */
    bool keep;          /* shown even without a lesson (the room's own ending) */
} HandoutEnding;

/* The articles' advice at one decision the room played (room mode). Strings borrowed. */
typedef struct HandoutAdvice {
    const char *heading_html; /* "Decision 5 &middot; October", as HTML */
    const char *text;         /* the choice the advice follows (markup) */
    const char *lesson;       /* its lesson (markup), or NULL */
    bool otherwise;           /* the room chose otherwise */
} HandoutAdvice;

/* One section: a story (and session) as one article of the page. Strings borrowed. */
typedef struct HandoutSection {
    const char *title_html; /* the story's title, as HTML */
    const char *meta_html;  /* the line under it ("Session X &middot; 30 played"), as HTML */
    const char *premise;    /* the story's summary (markup), or NULL */
    const char *decisions_heading; /* the decisions' heading ("The decisions that divided the
                                      room"), plain text */
    const HandoutDecision *decisions;
    size_t n_decisions;
    /* the stories whose advice is listed, in order (a campaign: its chapters); NULL ones
     * are passed over */
    const Story *const *stories;
    size_t n_stories;
    const HandoutEnding *endings; /* those without a lesson (unless kept), or titled as one
                                     before, are left out */
    size_t n_endings;
    /* room mode: the advice at the decisions the room played, listed instead of the stories'
     * (NULL: the stories'); and, when the room's road has no ending, where it stopped (plain
     * text, under "Where the room ended"), or NULL */
    const HandoutAdvice *advice;
    size_t n_advice;
    const char *stopped;
} HandoutSection;

/* Pieces of advice a section lists at most. */
#define HANDOUT_ADVICE 6

/* Append the handout page (a whole HTML document with its print CSS) of n sections to b.
 * title_html: the page's <title>, as HTML. Every text comes from the sections. */
void handout_page(Buf *b, const char *title_html, const HandoutSection *secs, size_t n);

/* A share as a whole percentage, in HTML ("34%", "&lt;1%" above 0 and under a half). */
void handout_pct(Buf *b, double share);

#endif
