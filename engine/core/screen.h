/* screen.h: what is on screen now, as one typed description built by the core (the idea of
 * RemGlk's data_update_t): the story and chapter, notices, the scene's paragraphs with their
 * markup parsed, the choices, the stats with the last decision's changes, the ending with its
 * verdict, lessons and chart series, and in room mode the room's votes, timer and timeline.
 * Every front end renders a Screen and derives nothing itself: the terminal prints it, the
 * window draws it, the JSON front end serialises it (README, "The JSON front end"). */
#ifndef LADDER_SCREEN_H
#define LADDER_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/room.h"
#include "core/session.h"
#include "core/text.h"

/* A run of prose in one style (TEXT_EM, TEXT_STRONG, both, or neither). A hard line break (a
 * "| " line of the story) is a span of style TEXT_BREAK and empty text. */
typedef struct ScreenSpan {
    char *text;
    unsigned style;
} ScreenSpan;

typedef struct ScreenParagraph {
    ScreenSpan *spans;
    size_t n_spans;
} ScreenParagraph;

/* Prose: laid-out text (text_layout) and the same split into paragraphs and styled runs. */
typedef struct ScreenProse {
    char *text; /* laid out, with its markup characters */
    ScreenParagraph *paragraphs;
    size_t n_paragraphs;
} ScreenProse;

/* A choice on screen. The available ones come first, numbered 1..n; the locked ones (shown,
 * disabled: their `requires` unmet, or `when` false with a show_locked text) follow them. */
typedef struct ScreenChoice {
    size_t number; /* 1-based, as the player picks it (session_choose(number - 1)) */
    char *id;
    ScreenProse text;
    bool locked;       /* shown but not available: taking it fails with STATUS_NO_SUCH */
    char *requirement; /* why it is locked ("Needs Business acumen 60"), or NULL */
} ScreenChoice;

/* +1: the change is good for the player, -1: bad, 0: neither (a neutral stat, or no change). */
typedef int ScreenSign;

typedef struct ScreenStat {
    char *id, *label;
    char *description;  /* what the stat means in this story and which way is good (the
                           story's `description`), or NULL when it has none */
    int value, min, max;
    StatGood good;
    int change;         /* over the last decision (0 before the first) */
    int change_choice;  /* of that: the choice's own effects */
    int change_arrival; /* of that: arriving in the scene (its effects, a forced jump) */
    ScreenSign sign;    /* of change */
    bool hidden;        /* a hidden stat while the game goes on: front ends do not show it (it is
                           in no change, changes text or decision's changes either); false for
                           every stat at an ending, where the debrief shows them all */
} ScreenStat;

/* One stat that moved: "Burnout +8" in text. */
typedef struct ScreenChange {
    size_t stat; /* index into Screen.stats */
    int delta;
    ScreenSign sign;
    char *text;
} ScreenChange;

/* The end-of-run recap names at most this many pivotal decisions, and at least
 * SCREEN_PIVOTAL_MIN when the run has that many decisions with a lesson or advice. */
#define SCREEN_PIVOTAL_MAX 7
#define SCREEN_PIVOTAL_MIN 5

/* A decision taken, for the history and the debrief. */
typedef struct ScreenDecision {
    size_t number; /* 1-based */
    char *scene_id, *choice_id;
    char *chapter; /* the chapter heading the decision's scene declares, or NULL */
    char *text;    /* the choice as it was shown */
    char *lesson;  /* the choice's lesson, else its scene's; NULL if none */
    char *discuss; /* the scene's discussion question, or NULL */
    char *changes; /* "Burnout +8, Trust -5", or NULL when nothing moved */
    char *changes_words; /* the same without numbers: "Burnout rises, Trust falls"; or NULL */
    double seconds; /* the time the player took */
    ScreenProse reply; /* the choice's reply as shown (reply.text NULL: it has none) */
    Advice advice;     /* what the story's source advises about the choice taken */
    const char *advice_name; /* "follows", "against" (static), or NULL for ADVICE_NONE */
    const char *advice_text; /* "follows the advice", "goes against the advice", or NULL */
    char *advises;   /* what the source advises at this decision (the scene's `advice`), or NULL */
    char *not_taken; /* the road not taken (Decision.not_taken): the first other choice offered at
                        this decision tagged the other way, as it was shown; or NULL */
    bool pivotal;    /* one of the run's 5-7 pivotal decisions (SCREEN_PIVOTAL_MAX), which the
                        end-of-run recap shows (scenarios/README.md, "The end-of-run recap") */
    const RoomTally *tally; /* room mode: the room's vote (owned by the Room), else NULL */
} ScreenDecision;

/* A stat over the playthrough, for charts: its value at the start and after each decision. */
typedef struct ScreenSeries {
    size_t stat; /* index into Screen.stats */
    int *values;
    size_t n_values; /* decisions + 1 */
} ScreenSeries;

typedef struct ScreenEnding {
    char *id, *title;
    Verdict verdict;
    const char *verdict_name; /* "good", "mixed", "bad" (static) */
    const char *verdict_text; /* "a good ending", ... (static) */
    char *lesson;             /* the ending's own lesson, or NULL */
    ScreenSeries *series;     /* one per stat */
    size_t n_series;
} ScreenEnding;

typedef struct ScreenCampaign {
    char *id, *title;
    size_t chapter, chapters; /* 1-based */
    char *next;               /* the next chapter's id once this one has ended, else NULL */
    char *carried; /* before the chapter's first decision, what the player carries into it:
                      "Burnout 45 (90 when chapter 1 ended), Relationships 62"; else NULL (the
                      first chapter, a decision taken, or nothing carried) */
    /* at the last chapter's ending, the whole career: each chapter's story and ending, oldest
     * first (n_career chapters); else NULL and 0 */
    struct ScreenChapterEnd {
        char *story_title, *ending_title;
        Verdict verdict;
        const char *verdict_text; /* "a good ending", ... (static) */
    } *career;
    size_t n_career;
} ScreenCampaign;

/* One of the story's endings in the endings gallery (core/gallery.h). A front end shows the
 * title and verdict of a found ending only; the others read "Not found yet". */
typedef struct ScreenGalleryEnding {
    char *id, *title;         /* the ending's id and title (its id when it has no title) */
    Verdict verdict;
    const char *verdict_name; /* "good", "mixed", "bad" (static) */
    const char *verdict_text; /* "a good ending", ... (static) */
    bool found;               /* in the session's gallery (false when it has none) */
} ScreenGalleryEnding;

/* Room mode. */
typedef struct ScreenRoom {
    char *code;       /* the session code, or NULL */
    const int *votes; /* the current decision's votes, one per choice (borrowed), or NULL */
    int timer;        /* seconds left on the discussion timer; -1: no timer */
    int roads_not_taken;
} ScreenRoom;

typedef struct Screen {
    char *story_id, *title;
    char *summary;      /* the story's one-paragraph summary ("" when it has none) */
    char *content_note; /* what the story deals with, for players who need to know, or NULL */
    ScreenCampaign *campaign; /* NULL outside a campaign */
    bool ask_name;      /* the story asks for the player's name and none is known yet
                           (session_wants_name): a front end asks for it before the first
                           choice and gives it with session_set_player */
    char *chapter;            /* the current chapter's heading, or NULL */
    char *scene_id;
    char *notice;             /* what the session has to tell the player, or NULL */
    ScreenProse text;
    char *lesson;  /* the current scene's lesson (for a facilitator), or NULL */
    char *discuss; /* the current scene's question for the room, or NULL */
    ScreenChoice *choices;
    size_t n_choices;  /* available and locked */
    size_t n_available; /* of them, the first n_available can be taken */
    const ScreenProse *reply; /* the last decision's reply, shown before this scene's text
                               * (points into decisions), or NULL */
    ScreenStat *stats;
    size_t n_stats;
    ScreenChange *changes; /* the stats the last decision moved, in the story's order (hidden
                              stats left out while the game goes on) */
    size_t n_changes;
    char *changes_text;    /* the same joined: "Burnout +8, Trust -5"; NULL when none */
    char *changes_words;   /* the same without numbers: "Burnout rises, Trust falls"; or NULL */
    char *forced;          /* the id of the stat that forced the last jump, or NULL (also for a
                              hidden stat while the game goes on) */
    char *forced_reason;   /* the same in words, "Burnout has reached 100.", or NULL */
    ScreenDecision *decisions; /* every decision so far */
    size_t n_decisions;
    /* screen_describe_next's: the decisions' room (cap_decisions), what marks each as a
     * candidate for pivotal and its weight, the pivotal ones, and the game described (its
     * game_serial, ended or not) */
    size_t cap_decisions;
    unsigned char *trait;
    long *weight;
    size_t pivotal_at[SCREEN_PIVOTAL_MAX], n_pivotal;
    unsigned long long game_serial;
    bool ended;
    ScreenEnding *ending;  /* NULL while the story goes on */
    ScreenRoom *room;      /* NULL outside room mode */
    /* the endings gallery (core/gallery.h): how many of the story's endings this player has
     * reached across games (this one's included once it has ended, unless the session is a
     * tool's), of how many; both 0 when no gallery can be read ("3 of 7 endings found") */
    size_t endings_found, endings_total;
    ScreenGalleryEnding *gallery; /* every ending of the story (of the chapter in a campaign), in
                                     the story's order, each found or not; n_gallery of them */
    size_t n_gallery;
} Screen;

/* Describe what s shows now, taking the session's pending notices (session_take_notice). The
 * Screen owns copies of everything it holds (except ScreenDecision.tally and ScreenRoom.votes),
 * so it stays valid after s changes, until screen_free. Never fails (allocation failure aborts,
 * as everywhere in Ladder). */
Screen *screen_describe(Session *s);
/* The same, after a change of the Screen prev described (prev, freed here; NULL: none): the
 * decisions prev described of the same game (game_serial) are taken over rather than described
 * again, so a decision costs the same however many came before it (issue 16, item 14: at
 * 10,000 decisions, describing them all anew took most of a decision's time). At an ending
 * every decision is described anew (the changes then name hidden stats). The result is the
 * same as screen_describe's. */
Screen *screen_describe_next(Session *s, Screen *prev);
/* The same without touching the session: notice is NULL and the notices stay pending (for the
 * core's own records, such as a room's roads). */
Screen *screen_of(const Session *s);
/* Add room mode to a screen: the room's code and record (r is borrowed; the tallies stay
 * valid until the room changes), the current votes (borrowed, one per choice, or NULL) and the
 * seconds left on the timer (-1: none). A room asks no player's name (ask_name false), and
 * its decisions' tallies are the room's for this chapter (the room numbers across chapters). */
void screen_add_room(Screen *sc, const Room *r, const int *votes, int timer);
/* Free sc and every copy it holds. NULL: nothing. */
void screen_free(Screen *sc);

/* The stats that moved between before and after (Story.n_stats values each), hidden ones too, in
 * words:
 * "Burnout +8, Trust -5", or with numbers false "Burnout rises, Trust falls"; NULL when none.
 * malloc'd. */
char *screen_changes_text(const Story *s, const int *before, const int *after, bool numbers);
/* +1 if a change of delta in stat i is good for the player, -1 if bad, 0 if neutral (or no
 * change). */
ScreenSign screen_change_sign(const Story *s, size_t i, int delta);
/* "follows", "against", or NULL for ADVICE_NONE (the JSON protocol's names); and "follows the
 * advice", "goes against the advice", or NULL (for the debriefs). Static: never freed. */
const char *screen_advice_name(Advice a);
const char *screen_advice_text(Advice a);
/* "a good ending", "a mixed ending", "a bad ending". Static: never freed. */
const char *screen_verdict_text(Verdict v);

/* Split laid-out prose into paragraphs and styled runs (THE markup parser: text_markup), filling
 * *p with malloc'd arrays and strings: free with screen_prose_free. */
void screen_prose(ScreenProse *p, const char *laid);
/* Free what p holds (as screen_prose filled it), not p itself. */
void screen_prose_free(ScreenProse *p);

#endif
